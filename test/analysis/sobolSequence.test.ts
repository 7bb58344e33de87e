import { describe, expect, it } from "vitest";
import { sensitivityRandom } from "../../src/analysis/internal/sensitivityRandom.js";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "../../src/analysis/internal/sobolSequence.js";

const TWO_32 = 2 ** 32;

describe("sobolSequence", () => {
  it("gives SciPy's first points of the 2-dimensional sequence", () => {
    // SciPy 1.17 documentation of scipy.stats.qmc.Sobol:
    // qmc.Sobol(d=2, scramble=False).random_base2(m=3)
    const scipy = [
      [0, 0],
      [0.5, 0.5],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.375, 0.375],
      [0.875, 0.875],
      [0.625, 0.125],
      [0.125, 0.625],
    ];
    expect(Array.from(sobolSequence(8, 2))).toEqual(scipy.flat());
  });

  it("gives SciPy's points far into the sequence, in high dimensions", () => {
    // SciPy 1.17, which ships Joe & Kuo's new-joe-kuo-6.21201 numbers:
    // s = qmc.Sobol(256, scramble=False, bits=32).random(1 << 16)
    // [int(s[i][d] * 2**32) for d in (0, 1, 2, 9, 99, 255)] for i in (3, 1000, 4095, 65535)
    const scipy: Record<number, number[]> = {
      3: [1073741824, 3221225472, 3221225472, 1073741824, 1073741824, 1073741824],
      1000: [943718400, 415236096, 2227175424, 297795584, 801112064, 1069547520],
      4095: [1048576, 4042260480, 1435500544, 1058013184, 4134535168, 2632974336],
      65535: [65536, 4294901760, 2421489664, 703922176, 2030501888, 604307456],
    };
    const dims = [0, 1, 2, 9, 99, 255];
    const points = sobolSequence(1 << 16, 256);
    for (const [i, expected] of Object.entries(scipy))
      expect(dims.map((d) => points[Number(i) * 256 + d]! * TWO_32)).toEqual(expected);
  });

  it("stratifies every coordinate of the first 2^m points, scrambled or not", () => {
    // A (t, m, s)-net in base 2 has, in each one-dimensional projection, exactly one of its 2^m
    // points in each interval [j / 2^m, (j + 1) / 2^m) (Niederreiter 1992, Def. 4.1 with t = 0 in
    // one dimension); a linear matrix scramble with a digital shift keeps this (Matoušek 1998).
    const m = 9;
    const n = 2 ** m;
    const dims = SOBOL_MAX_DIMENSIONS;
    for (const scramble of [undefined, sensitivityRandom(5, 0)]) {
      const points = sobolSequence(n, dims, scramble);
      for (let d = 0; d < dims; d++) {
        const cells = new Set<number>();
        for (let i = 0; i < n; i++) cells.add(Math.floor(points[i * dims + d]! * n));
        expect(cells.size).toBe(n);
      }
    }
  });

  it("puts one of 2^m points in each elementary box of 2^m cells of the first two dimensions", () => {
    // The first two dimensions of Sobol's sequence form a (0, m, 2)-net: every box
    // [a/2^i, (a+1)/2^i) × [b/2^(m−i), (b+1)/2^(m−i)) holds one of the first 2^m points.
    const m = 8;
    const n = 2 ** m;
    for (const scramble of [undefined, sensitivityRandom(11, 0)]) {
      const points = sobolSequence(n, 2, scramble);
      for (let i = 0; i <= m; i++) {
        const cells = new Set<string>();
        for (let p = 0; p < n; p++)
          cells.add(
            `${Math.floor(points[2 * p]! * 2 ** i)},${Math.floor(points[2 * p + 1]! * 2 ** (m - i))}`,
          );
        expect(cells.size).toBe(n);
      }
    }
  });

  it("scrambles differently for another seed and identically for the same", () => {
    const a = sobolSequence(16, 3, sensitivityRandom(1, 0));
    expect(sobolSequence(16, 3, sensitivityRandom(1, 0))).toEqual(a);
    expect(sobolSequence(16, 3, sensitivityRandom(2, 0))).not.toEqual(a);
    expect(a[0]).not.toBe(0); // the digital shift moves the origin
  });
});
