import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { SimulationPlan } from "regionsim";
import { describe, expect, it } from "vitest";
import { assembleKernelWasm, wasmModuleText, wasmPaths } from "../../scripts/build-wasm.js";
import { xoshiro128Next, xoshiro128Seed } from "../../src/internal/xoshiro128.js";
import { compileKernel } from "../../src/simulation/internal/compileKernel.js";
import { KERNEL_LIBRARY } from "../../src/simulation/internal/kernelLibrary.js";
import type { KernelSpec } from "../../src/simulation/internal/kernelSpec.js";
import { createSimulationKernel } from "../../src/simulation/internal/simulationKernel.js";
import { pinnedPlan } from "./simulatePinnedPlan.js";

/** The kernel state and samples of every block, with the WebAssembly update or without it. */
function run(spec: KernelSpec, useWasm: boolean): Buffer[] {
  const kernel = createSimulationKernel(spec, { ...KERNEL_LIBRARY, useWasm });
  const out: Buffer[] = [];
  const blocks = Math.ceil(spec.totalPaths / spec.blockSize);
  for (let b = 0; b < blocks; b++) {
    const { sample } = kernel.runBlock(b);
    if (sample !== null) out.push(Buffer.from(sample.buffer));
  }
  const state = kernel.state();
  for (const a of [state.counts, state.extras, state.met, state.firstYear])
    out.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return out;
}

const compile = (plan: SimulationPlan, paths: number) =>
  compileKernel(plan, { paths, seed: 11, quantiles: [0.5], series: undefined, samplePaths: 700 })
    .spec;

// Log levels near 700, with wide shocks: some series have |baseline| ≥ 700, where both paths call
// Math.exp, many paths leave expf's range, and some values overflow to Infinity or to 0.
const years = 3;
const extremePlan: SimulationPlan = {
  baseYear: 2020,
  years,
  places: ["a", "b"],
  indicators: [{ id: "x", scale: "log", aggregation: { rule: "sum" }, phi: 0.5, rho: 0.3 }],
  groups: [{ id: "all", members: ["a", "b"] }],
  baseline: [[[699.2, 699.6, 700.1]], [[-699.5, -699.9, -700.3]]],
  sigma: [[0.8], [0.8]],
  // A calibration of the spread by horizon (x = baseline + k·d), as the scenarios give; the wide
  // factors of "a" put k·d beyond expf's range (|k·d| ≥ 87) on many paths.
  spread: [[[1.1, 40, 60]], [[1.2, 1, 1.05]]],
  targets: [
    {
      id: "big",
      year: 2023,
      conditions: [
        {
          measure: { kind: "value", scope: "all", indicator: "x" },
          comparator: ">=",
          threshold: 1e304,
        },
      ],
    },
  ],
};

describe("the kernel's WebAssembly module", () => {
  it("the committed module is the assembled kernel.wat", async () => {
    const committed = readFileSync(wasmPaths.module, "utf8");
    expect(committed).toBe(wasmModuleText(await assembleKernelWasm()));
  });

  it("gives the JavaScript loops' results bit for bit (the pinned plan: every scale, late starts, fused sums, slow ziggurat attempts, histograms, targets)", () => {
    const spec = compile(pinnedPlan, 5000);
    // The kernel's memory does have the module here (Node has WebAssembly), so both paths run.
    const memory = memoryOf(spec);
    expect(memory.logUpdate).not.toBeNull();
    const withWasm = run(spec, true);
    const without = run(spec, false);
    expect(withWasm.length).toBe(without.length);
    for (const [k, bytes] of withWasm.entries()) expect(bytes.equals(without[k]!)).toBe(true);
  });

  it("gives the JavaScript loops' results bit for bit where exp leaves the table's range, with a calibrated spread and a block whose length is odd and not a multiple of four", () => {
    // 3003 paths: the last block has 955, an odd number and three past the last group of four.
    const spec = compile(extremePlan, 3003);
    const withWasm = run(spec, true);
    const without = run(spec, false);
    for (const [k, bytes] of withWasm.entries()) expect(bytes.equals(without[k]!)).toBe(true);
    // The sum does pass 1e304 (≈ e^700) on some paths and not on others.
    const kernel = createSimulationKernel(spec, KERNEL_LIBRARY);
    for (let b = 0; b < 3; b++) kernel.runBlock(b);
    const met = kernel.state().met[0]!;
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(3003);
  });

  it("falls back to the JavaScript loops, with the same results, where compiling the module is refused (a Content-Security-Policy without 'wasm-unsafe-eval')", () => {
    const spec = compile(pinnedPlan, 3000);
    const real = (globalThis as unknown as { WebAssembly: { Memory: unknown; Instance: unknown } })
      .WebAssembly;
    const refusing = {
      Memory: real.Memory,
      Instance: real.Instance,
      Module: function refused() {
        throw new Error("WebAssembly.Module(): refused by the page's Content Security Policy");
      },
    };
    Object.defineProperty(globalThis, "WebAssembly", { value: refusing, configurable: true });
    let refusedRun: Buffer[];
    let memory: ReturnType<typeof memoryOf>;
    try {
      memory = memoryOf(spec);
      refusedRun = run(spec, true);
    } finally {
      Object.defineProperty(globalThis, "WebAssembly", { value: real, configurable: true });
    }
    expect(memory.logUpdate).toBeNull();
    const withWasm = run(spec, true);
    for (const [k, bytes] of refusedRun.entries()) expect(bytes.equals(withWasm[k]!)).toBe(true);
  });

  it("seeds a stream's lanes as xoshiro128Seed does, word for word (any safe seed, 1 to 4 lanes)", () => {
    const memory = oneSeriesMemory();
    const words = new Int32Array(memory.seriesStates[0]!.buffer, memory.seriesStatePtr(0), 16);
    const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const natural = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(safe, natural, natural, fc.integer({ min: 1, max: 4 }), (seed, a, b, lanes) => {
        memory.seedStates!(seed, a, b, lanes, memory.seriesStatePtr(0));
        const want = xoshiro128Seed(seed, a, b, lanes);
        expect(Array.from(words.subarray(0, 4 * lanes))).toEqual(Array.from(want));
      }),
      { numRuns: 2_000 },
    );
  });

  it("the table exponential (the ziggurat wedge's, also in the module) is within 3 ulp of Math.exp for |x| < 700, and is Math.exp beyond", () => {
    const { exp } = KERNEL_LIBRARY.zigguratTables();
    const uniform = generator(3);
    let worst = 0;
    for (let q = 0; q < 100_000; q++) {
      // Half over the table's whole range, half where the wedge's arguments lie.
      const x = (uniform() - 0.5) * (q % 2 === 0 ? 1_399.98 : 40);
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(3);
    for (const x of [700, -700, 709.5, -745.2, 1000, Number.NaN])
      expect(Object.is(exp(x), Math.exp(x))).toBe(true);
  });

  it("the update's single-precision exponential gives ZigguratTables.expf bit for bit on four lanes and one by one, within 2^-22 of Math.exp for |y| < 87, and Math.exp beyond", () => {
    const memory = oneSeriesMemory();
    const { expf } = KERNEL_LIBRARY.zigguratTables();
    const uniform = generator(7);
    let worst = 0;
    for (let round = 0; round < 2_000; round++) {
      // Seven paths: one vector step of four and three one by one; over expf's whole range, and
      // where cumulated shocks lie.
      const ys = Array.from({ length: 7 }, () =>
        Math.fround((uniform() - 0.5) * (round % 2 === 0 ? 173.98 : 8)),
      );
      const got = expfOf(memory, ys);
      for (const [n, y] of ys.entries()) {
        expect(Object.is(got[n], expf(y))).toBe(true);
        worst = Math.max(worst, Math.abs(got[n]! / Math.exp(y) - 1));
      }
    }
    expect(worst).toBeLessThanOrEqual(2 ** -22);
    // |y| ≥ 87, NaN: exp(base + k·d) by Math.exp, in the vector loop's lanes and one by one.
    const beyond = [87, -87, 88.5, -100, Number.NaN, 3, 90];
    const got = expfOf(memory, beyond);
    for (const [n, y] of beyond.entries())
      expect(Object.is(got[n], y === 3 ? expf(3) : Math.exp(y))).toBe(true);
  });

  it("its update gives the single-precision recursion and logScaleValue's value, written or added, bit for bit: out-of-range k·d, NaN and infinite shocks, and lengths that are not a multiple of four", () => {
    const memory = oneSeriesMemory();
    const tables = KERNEL_LIBRARY.zigguratTables();
    const { e, d, f, z, values } = memory.buffers;
    const fr = Math.fround;
    const uniform = generator(17);
    const odd = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0];
    for (let round = 0; round < 400; round++) {
      const len = 1 + (round % 13);
      const pick = (scale: number) =>
        uniform() < 0.03 ? odd[Math.floor(uniform() * odd.length)]! : (uniform() - 0.5) * scale;
      const [phi, a, b] = [uniform(), uniform() * 0.2, uniform() * 0.3];
      // k up to 60 with d up to ±4: many |k·d| ≥ 87; base now and then ≥ 700 in size is the
      // caller's case (scale 0), not the module's.
      const k = 0.5 + 60 * uniform() * uniform();
      const base = (uniform() - 0.5) * 40;
      const add = round % 2;
      const before = Array.from({ length: len }, () => pick(1e6));
      const e0 = Array.from({ length: len }, () => fr(pick(1)));
      const d0 = Array.from({ length: len }, () => fr(pick(8)));
      const f0 = Array.from({ length: len }, () => fr(pick(6)));
      const z0 = Array.from({ length: len }, () => fr(pick(6)));
      e.set(e0);
      d.set(d0);
      f.set(f0);
      z.set(z0);
      values.set(before);
      updateOne(memory, len, { phi, a, b, base, k, add });
      for (let n = 0; n < len; n++) {
        // The recursion with every operation rounded to single precision, then the value.
        const ee = fr(fr(fr(fr(phi) * e0[n]!) + fr(fr(a) * f0[n]!)) + fr(fr(b) * z0[n]!));
        const dd = fr(d0[n]! + ee);
        const v = logValue(tables, base, k, dd);
        expect(Object.is(e[n], ee)).toBe(true);
        expect(Object.is(d[n], dd)).toBe(true);
        expect(Object.is(values[n], add === 1 ? before[n]! + v : v)).toBe(true);
      }
    }
  });

  it("its single-precision update stays within 2e-6 of the same recursion in doubles over 40 years of wide shocks", () => {
    const memory = oneSeriesMemory();
    const { e, d, f, z, values } = memory.buffers;
    const uniform = generator(13);
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const len = 1024;
    const [phi, a, b, k, base] = [0.6, 0.03, 0.08, 1.2, 17.5];
    const e64 = new Float64Array(len);
    const d64 = new Float64Array(len);
    e.fill(0, 0, len);
    d.fill(0, 0, len);
    let worst = 0;
    for (let t = 0; t < 40; t++) {
      for (let n = 0; n < len; n++) {
        f[n] = normal();
        z[n] = normal();
      }
      updateOne(memory, len, { phi, a, b, base, k, add: 0 });
      for (let n = 0; n < len; n++) {
        // The same normals (single-precision numbers), everything else in doubles.
        e64[n] = phi * e64[n]! + a * f[n]! + b * z[n]!;
        d64[n] = d64[n]! + e64[n]!;
        worst = Math.max(worst, Math.abs(values[n]! / Math.exp(base + k * d64[n]!) - 1));
      }
    }
    expect(worst).toBeLessThan(2e-6);
  });

  it("a log-scale value exp(base)·expf(k·d) is within 2^-22 + 2^-23·|k·d| + 2^-52 of exp(base + k·d), and exp(base + k·d) itself beyond expf's range", () => {
    const tables = KERNEL_LIBRARY.zigguratTables();
    const uniform = generator(9);
    // The worst ratio of the error to its bound.
    let worst = 0;
    for (let q = 0; q < 100_000; q++) {
      const base = (uniform() - 0.5) * 60;
      // k·d over expf's whole range: rounding k and k·d to single precision each add 2^-24·|k·d|.
      const k = 0.5 + 40 * uniform() * uniform();
      const d = Math.fround((uniform() - 0.5) * 4);
      const v = logValue(tables, base, k, d);
      const error = Math.abs(v / Math.exp(base + k * d) - 1);
      worst = Math.max(worst, error / (2 ** -22 + 2 ** -23 * Math.abs(k * d) + 2 ** -52));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(logValue(tables, 705, 1, 1)).toBe(Math.exp(706));
  });

  it("its logarithm is within 1 ulp of Math.log outside (0.6, 1.7) and within 2e-16 of it inside; Math.log for 0, negatives, subnormals and infinities", () => {
    const memory = oneSeriesMemory();
    const uniform = generator(5);
    const values = memory.buffers.values;
    let worstUlps = 0;
    let worstNearOne = 0;
    for (let round = 0; round < 100; round++) {
      for (let n = 0; n < 1024; n++)
        values[n] = round % 2 === 0 ? Math.exp((uniform() - 0.5) * 1400) : 0.6 + 1.1 * uniform();
      memory.logValues!(memory.valuesPtr, memory.scratchPtr, 1024);
      for (let n = 0; n < 1024; n++) {
        const v = values[n]!;
        const y = memory.buffers.scratch[n]!;
        if (v > 0.6 && v < 1.7) worstNearOne = Math.max(worstNearOne, Math.abs(y - Math.log(v)));
        else worstUlps = Math.max(worstUlps, ulps(y, Math.log(v)));
      }
    }
    expect(worstUlps).toBeLessThanOrEqual(1);
    expect(worstNearOne).toBeLessThan(2e-16);
    const special = [0, -1, 5e-324, Number.POSITIVE_INFINITY, Number.NaN, -0];
    values.set(special);
    memory.logValues!(memory.valuesPtr, memory.scratchPtr, special.length);
    for (const [n, v] of special.entries())
      expect(Object.is(memory.buffers.scratch[n], Math.log(v))).toBe(true);
  });
});

/** A kernel memory for one series of `spec`, given the module's bytes (see createKernelMemory). */
function memoryOf(spec: KernelSpec) {
  return KERNEL_LIBRARY.createKernelMemory(
    spec,
    1,
    KERNEL_LIBRARY.zigguratTables(),
    KERNEL_LIBRARY.normalSlowPath,
    KERNEL_LIBRARY.kernelWasm,
  );
}

/** A kernel memory of one series and one value buffer, with the module. */
function oneSeriesMemory() {
  const memory = memoryOf(compile(extremePlan, 10));
  expect(memory.logUpdate).not.toBeNull();
  return memory;
}

/**
 * The module's update with e = phi = a = b = 0, base = 0 (scale 1) and k = 1 on paths whose
 * cumulated shocks are `ys`: their values, expf(y) for |y| < 87, else Math.exp(y).
 */
function expfOf(memory: ReturnType<typeof oneSeriesMemory>, ys: readonly number[]): number[] {
  memory.buffers.e.fill(0, 0, ys.length);
  memory.buffers.d.set(ys);
  updateOne(memory, ys.length, { phi: 0, a: 0, b: 0, base: 0, k: 1, add: 0 });
  return Array.from(memory.buffers.values.subarray(0, ys.length));
}

/**
 * The module's update of the first series of `memory` over `len` paths, its shocks, normals and
 * value at the memory's own arrays, with exp(base) as createPathUpdate passes it.
 */
function updateOne(
  memory: ReturnType<typeof oneSeriesMemory>,
  len: number,
  p: { phi: number; a: number; b: number; base: number; k: number; add: number },
): void {
  memory.logUpdate!(
    len,
    memory.ePtr,
    memory.dPtr,
    memory.fPtr,
    memory.zPtr,
    memory.valuesPtr,
    p.a,
    p.b,
    p.phi,
    p.base,
    Math.exp(p.base),
    p.k,
    p.add,
  );
}

/** A log-scale value by the kernel's rule (logBaseScale, then logScaleValue). */
function logValue(
  tables: ReturnType<typeof KERNEL_LIBRARY.zigguratTables>,
  base: number,
  k: number,
  d: number,
): number {
  return KERNEL_LIBRARY.logScaleValue(tables, KERNEL_LIBRARY.logBaseScale(base), base, k, d);
}

/** The distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = bits[0]! - bits[1]!;
  return Number(d < 0n ? -d : d);
}

/** A seeded uniform generator on [0, 1) (xoshiro128**). */
function generator(seed: number): () => number {
  const state = xoshiro128Seed(seed, 0, 0);
  return () => xoshiro128Next(state) / 4294967296;
}
