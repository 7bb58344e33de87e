import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { xoshiro128Next, xoshiro128Seed } from "../../src/internal/xoshiro128.js";

describe("xoshiro128Next", () => {
  it("xoshiro128Next reproduces the reference generator from the state (1, 2, 3, 4)", () => {
    // Expected: the C reference xoshiro128starstar.c (prng.di.unimi.it), re-implemented in
    // Python integers for this test; the first two values 11520 and 0 are the well-known start.
    const state = new Int32Array([1, 2, 3, 4]);
    const out = Array.from({ length: 6 }, () => xoshiro128Next(state));
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
});

describe("xoshiro128Seed", () => {
  // Expected states and outputs: an independent Python implementation of the documented chain
  // key = mix(mix(mix(seed + γ) ^ stream) ^ substream), then two SplitMix64 outputs.
  it("xoshiro128Seed hashes (seed, stream, substream) with SplitMix64", () => {
    const state = xoshiro128Seed(42, 3, 7);
    expect(Array.from(new Uint32Array(state.buffer))).toEqual([
      0x10412879, 0xbc0e4f54, 0x8864c9e1, 0xbbaa243b,
    ]);
    expect(Array.from({ length: 4 }, () => xoshiro128Next(state))).toEqual([
      1106830598, 3604803882, 3606040474, 2178370497,
    ]);
  });

  it("xoshiro128Seed takes negative seeds modulo 2^64", () => {
    const state = xoshiro128Seed(-1, 0, 0);
    expect(Array.from({ length: 4 }, () => xoshiro128Next(state))).toEqual([
      3945401004, 153920858, 283427858, 3047868434,
    ]);
  });

  it("xoshiro128Seed gives different streams for neighbouring blocks and substreams", () => {
    const a = xoshiro128Seed(1, 0, 0);
    const b = xoshiro128Seed(1, 1, 0);
    const c = xoshiro128Seed(1, 0, 1);
    const d = xoshiro128Seed(2, 0, 0);
    const firsts = [a, b, c, d].map((s) => xoshiro128Next(s));
    expect(new Set(firsts).size).toBe(4);
  });

  it("xoshiro128Seed with four lanes: lane 0 is the single generator, lane j takes SplitMix64 outputs 2j and 2j + 1, word w of lane j at 4·w + j", () => {
    const one = xoshiro128Seed(42, 3, 7);
    const four = xoshiro128Seed(42, 3, 7, 4);
    expect([0, 1, 2, 3].map((w) => four[4 * w]!)).toEqual(Array.from(one));
    expect(Array.from(four)).toEqual(Array.from(bigIntSeed(42, 3, 7, 4)));
  });

  it("xoshiro128Seed's 32-bit arithmetic equals SplitMix64 in BigInt for any safe integers", () => {
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const natural = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, natural, natural, fc.integer({ min: 1, max: 4 }), (seed, a, b, lanes) => {
        expect(Array.from(xoshiro128Seed(seed, a, b, lanes))).toEqual(
          Array.from(bigIntSeed(seed, a, b, lanes)),
        );
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

/** The documented chain in BigInt arithmetic: the reference for the 32-bit implementation. */
function bigIntSeed(seed: number, stream: number, substream: number, lanes: number): Int32Array {
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
  const state = new Int32Array(4 * lanes);
  for (let j = 0; j < lanes; j++)
    for (let k = 0; k < 2; k++) {
      key = (key + gamma) & mask;
      const word = mix(key);
      state[2 * k * lanes + j] = Number(BigInt.asIntN(32, word));
      state[(2 * k + 1) * lanes + j] = Number(BigInt.asIntN(32, word >> 32n));
    }
  return state;
}
