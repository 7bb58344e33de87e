import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/internal/boundedCache.js";
import { copyPlainData } from "../../src/internal/copyPlainData.js";
import { objectId } from "../../src/internal/objectId.js";

describe("BoundedCache", () => {
  it("keeps at most its capacity, dropping entries not used since the last change of generation", () => {
    // Capacity 4: generations of 2. a and b fill the young generation, which becomes the old one.
    const cache = new BoundedCache<string, number>(4);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is used: back to the young generation
    cache.set("c", 3); // a and c become the old generation; b, not used since, is dropped
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    for (let k = 0; k < 100; k++) {
      cache.set(`k${k}`, k);
      expect(cache.size).toBeLessThanOrEqual(4);
    }
    expect(cache.get("k99")).toBe(99);
  });

  it("computes a missing value once and returns the stored one afterwards", () => {
    const cache = new BoundedCache<string, { n: number }>(4);
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const first = cache.getOrCompute("k", compute);
    expect(cache.getOrCompute("k", compute)).toBe(first);
    expect(calls).toBe(1);
  });

  it("does not store a computation that throws", () => {
    const cache = new BoundedCache<string, number>(4);
    expect(() =>
      cache.getOrCompute("k", () => {
        throw new RangeError("no");
      }),
    ).toThrow("no");
    expect(cache.size).toBe(0);
  });
});

describe("objectId", () => {
  it("gives one object the same number and different objects different numbers", () => {
    const a = {};
    const b = {};
    expect(objectId(a)).toBe(objectId(a));
    expect(objectId(a)).not.toBe(objectId(b));
  });
});

describe("copyPlainData", () => {
  it("copies nested arrays and objects so that changing the copy leaves the original", () => {
    const original = { a: [1, { b: 2 }], c: null, d: "x", e: undefined };
    const copy = copyPlainData(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    (copy.a[1] as { b: number }).b = 3;
    copy.a.push(4);
    expect(original).toEqual({ a: [1, { b: 2 }], c: null, d: "x", e: undefined });
  });
});
