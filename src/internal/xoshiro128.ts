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
 * With `lanes` > 1 it seeds that many generators for the stream at once (the simulation kernel
 * draws a series' normals from four, one per SIMD lane): lane j takes SplitMix64 outputs 2j and
 * 2j + 1 of the same key, so lane 0 is the single generator's state and the lanes are as
 * unrelated as distinct streams (the bound above, with n counting lanes). Word w of lane j is at
 * index w·lanes + j, so each word of all lanes is one 128-bit vector.
 *
 * @param seed - any safe integer (taken modulo 2^64).
 * @param stream - a non-negative safe integer, e.g. a block index.
 * @param substream - a non-negative safe integer, e.g. a 53-bit hash of a series' name.
 * @param lanes - how many generators (1 by default).
 * @returns the states as 4·lanes 32-bit words.
 */
export function xoshiro128Seed(seed: number, stream: number, substream = 0, lanes = 1): Int32Array {
  // 64-bit arithmetic on (hi, lo) pairs of unsigned 32-bit halves: without BigInt, about ten
  // times faster (the kernel seeds every stream of every block). The key lives in kh, kl.
  let kh = 0;
  let kl = 0;
  // The high half of the 64-bit product of two unsigned 32-bit integers, by 16-bit pieces
  // (every partial sum below 2^53, so exact in doubles).
  const mulHigh = (a: number, b: number): number => {
    const a1 = a >>> 16;
    const a0 = a & 0xffff;
    const b1 = b >>> 16;
    const b0 = b & 0xffff;
    const mid = a1 * b0 + a0 * b1 + Math.floor((a0 * b0) / 65536);
    return (a1 * b1 + Math.floor(mid / 65536)) >>> 0;
  };
  // key = key · (ch·2^32 + cl) mod 2^64
  const mul = (ch: number, cl: number): void => {
    const hi = (mulHigh(kl, cl) + Math.imul(kl, ch) + Math.imul(kh, cl)) >>> 0;
    kl = Math.imul(kl, cl) >>> 0;
    kh = hi;
  };
  // key ^= key >>> r, 0 < r < 32
  const xorShift = (r: number): void => {
    kl = (kl ^ ((kl >>> r) | (kh << (32 - r)))) >>> 0;
    kh = (kh ^ (kh >>> r)) >>> 0;
  };
  // SplitMix64's finaliser (Stafford's Mix13): z ^= z >> 30; z *= 0xbf58476d1ce4e5b9;
  // z ^= z >> 27; z *= 0x94d049bb133111eb; z ^= z >> 31.
  const mix = (): void => {
    xorShift(30);
    mul(0xbf58476d, 0x1ce4e5b9);
    xorShift(27);
    mul(0x94d049bb, 0x133111eb);
    xorShift(31);
  };
  // key += γ = 0x9e3779b97f4a7c15
  const addGamma = (): void => {
    const lo = kl + 0x7f4a7c15;
    kl = lo >>> 0;
    kh = (kh + 0x9e3779b9 + (lo > 0xffffffff ? 1 : 0)) >>> 0;
  };
  // A safe integer's two's-complement halves (modulo 2^64).
  const halves = (x: number): [number, number] => {
    const hi = Math.floor(x / 4294967296);
    return [hi >>> 0, (x - hi * 4294967296) >>> 0];
  };
  [kh, kl] = halves(seed);
  addGamma();
  mix();
  for (const x of [stream, substream]) {
    const [h, l] = halves(x);
    kh = (kh ^ h) >>> 0;
    kl = (kl ^ l) >>> 0;
    mix();
  }
  const state = new Int32Array(4 * lanes);
  const key = [0, 0];
  for (let j = 0; j < lanes; j++) {
    for (let k = 0; k < 2; k++) {
      addGamma();
      key[0] = kh;
      key[1] = kl;
      mix();
      state[2 * k * lanes + j] = kl | 0;
      state[(2 * k + 1) * lanes + j] = kh | 0;
      kh = key[0]!;
      kl = key[1]!;
    }
    // The all-zero state is the one fixed point of xoshiro; SplitMix64 never yields two zero
    // words in a row in practice, but guard it anyway.
    if ((state[j]! | state[lanes + j]! | state[2 * lanes + j]! | state[3 * lanes + j]!) === 0)
      state[j] = 1;
  }
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
