/**
 * Seeds a xoshiro128** generator (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; https://prng.di.unimi.it/) for one stream of a seeded run,
 * named by the triple (seed, stream, substream), e.g. (seed, block index, series key).
 *
 * The 128-bit state is filled by SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014) from a 64-bit key that chains SplitMix64's finaliser over the
 * triple, as the xoshiro authors recommend for seeding. Distinct triples give unrelated starting
 * points in the period of 2^128 − 1, so n streams of L draws overlap with probability at most
 * n²·L / 2^128: for a run of 10^8 paths of 64 series over 15 years (about 2^21 streams of about
 * 2^18 draws each) below 2^-68.
 *
 * Self-contained (no outer references) because its source is shipped to worker threads.
 *
 * @param seed - any safe integer (taken modulo 2^64).
 * @param stream - a non-negative safe integer, e.g. a block index.
 * @param substream - a non-negative safe integer, e.g. a 53-bit hash of a series' name.
 * @returns the state as four 32-bit words.
 */
export function xoshiro128Seed(seed: number, stream: number, substream = 0): Int32Array {
  const mask = (1n << 64n) - 1n;
  const gamma = 0x9e3779b97f4a7c15n;
  const mix = (value: bigint): bigint => {
    let z = value & mask;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  let key = mix(BigInt.asUintN(64, BigInt(seed)) + gamma);
  key = mix(key ^ BigInt.asUintN(64, BigInt(stream)));
  key = mix(key ^ BigInt.asUintN(64, BigInt(substream)));
  const state = new Int32Array(4);
  for (let k = 0; k < 2; k++) {
    key = (key + gamma) & mask;
    const word = mix(key);
    state[2 * k] = Number(BigInt.asIntN(32, word));
    state[2 * k + 1] = Number(BigInt.asIntN(32, word >> 32n));
  }
  // The all-zero state is the one fixed point of xoshiro; SplitMix64 never yields two zero words
  // in a row in practice, but guard it anyway.
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/**
 * Advances a xoshiro128** state and returns the next 32-bit output as an unsigned integer.
 * Self-contained: shipped to worker threads as source.
 */
export function xoshiro128Next(state: Int32Array): number {
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const r = Math.imul(s1, 5);
  const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
  return result;
}
