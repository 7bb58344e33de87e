import { xoshiro128Next } from "../../internal/xoshiro128.js";

/** A seeded source of uniform numbers: each call gives the next double in [0, 1). */
export type UniformSource = () => number;

/** MurmurHash3's 32-bit finaliser (Appleby 2008): a bijective mix of one 32-bit word. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A xoshiro128** generator (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021) for one stream of a seeded analysis, named by (seed, stream): the sampling
 * designs, the scrambling of Sobol' points and the bootstrap each take their own stream, so that
 * one cannot shift the draws of another. The state's four words are MurmurHash3-finalised
 * mixtures of the seed's two 32-bit halves, the stream and the word's index (never all zero);
 * the generator's step is the simulation's (`xoshiro128Next`).
 * Doubles take 53 bits from two outputs, as `(a >>> 5) · 2^26 + (b >>> 6)) / 2^53`.
 *
 * @param seed - a safe integer (negative allowed).
 * @param stream - a small non-negative integer naming the use.
 */
export function sensitivityRandom(seed: number, stream: number): UniformSource {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const state = new Int32Array(4);
  for (let j = 0; j < 4; j++)
    state[j] = fmix32(
      fmix32(fmix32(lo + Math.imul(j + 1, 0x9e3779b9)) ^ hi) ^ (stream + 0x632be5ab),
    );
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  const next = (): number => xoshiro128Next(state);
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** A uniform integer in [0, n) from `random` (n ≤ 2^32; the bias is below n / 2^53). */
export function uniformInteger(random: UniformSource, n: number): number {
  return Math.floor(random() * n);
}
