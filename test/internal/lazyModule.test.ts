// Dependencies loaded on first use (src/internal/lazyModule.ts): in Node by a synchronous require
// reached through process.getBuiltinModule; where there is none (a browser), only after
// preloadDependencies has imported them, with an error that says so before.
import { afterEach, describe, expect, it, vi } from "vitest";

type LazyModuleApi = typeof import("../../src/internal/lazyModule.js");
type PreloadApi = typeof import("../../src/internal/preloadDependencies.js");

/** Fresh instances of the modules (nothing loaded yet). */
async function fresh(): Promise<{ lazy: LazyModuleApi; preload: PreloadApi }> {
  vi.resetModules();
  const lazy = await import("../../src/internal/lazyModule.js");
  const preload = await import("../../src/internal/preloadDependencies.js");
  return { lazy, preload };
}

const getBuiltinModule = process.getBuiltinModule;

afterEach(() => {
  process.getBuiltinModule = getBuiltinModule;
});

describe("dependencies loaded on first use", () => {
  it("in Node, loads mathjs's parser synchronously on first use", async () => {
    const { lazy } = await fresh();
    expect(lazy.lazyModuleLoaded("mathjs/number")).toBe(false);
    const m = lazy.requireLazyModule("mathjs/number", "parse", "test") as {
      parse: (t: string) => { toString(): string };
    };
    expect(m.parse("a + 2 * b").toString()).toBe("a + 2 * b");
    expect(lazy.lazyModuleLoaded("mathjs/number")).toBe(true);
  });

  it("without a synchronous require, says to preload; after preloadDependencies it works", async () => {
    const { lazy, preload } = await fresh();
    // A runtime without Node's built-ins, as a browser.
    process.getBuiltinModule = undefined as unknown as typeof process.getBuiltinModule;
    expect(() => lazy.requireLazyModule("mathjs/number", "parse", "assessPack")).toThrow(
      'assessPack: formulas need mathjs/number, which loads asynchronously here (no synchronous require outside Node): await preloadDependencies(["formulas"]) once before',
    );
    expect(() =>
      lazy.requireLazyModule("ml-regression", "MultivariateLinearRegression", "convergence"),
    ).toThrow('await preloadDependencies(["regressions"])');
    await preload.preloadDependencies(["formulas"]);
    expect(lazy.lazyModuleLoaded("mathjs/number")).toBe(true);
    expect(lazy.lazyModuleLoaded("ml-regression")).toBe(false);
    const m = lazy.requireLazyModule("mathjs/number", "parse", "assessPack") as {
      parse: (t: string) => { type: string };
    };
    expect(m.parse("x / y").type).toBe("OperatorNode");
    await preload.preloadDependencies();
    const r = lazy.requireLazyModule("ml-regression", "MultivariateLinearRegression", "x") as {
      MultivariateLinearRegression: new (x: number[][], y: number[][]) => { weights: number[][] };
    };
    // y = 1 + 2x exactly: slope 2, intercept 1 (the intercept is the last row of weights).
    const fit = new r.MultivariateLinearRegression([[0], [1], [2]], [[1], [3], [5]]);
    expect(fit.weights[0]?.[0]).toBeCloseTo(2, 12);
    expect(fit.weights[1]?.[0]).toBeCloseTo(1, 12);
  });

  it("preloadDependencies checks its argument", async () => {
    const { preload } = await fresh();
    await expect(preload.preloadDependencies("formulas" as never)).rejects.toThrow(
      'preloadDependencies: features must be a list of "formulas" or "regressions" (got the string "formulas")',
    );
    await expect(preload.preloadDependencies(["formula" as never])).rejects.toThrow(
      /^preloadDependencies: features\[0\] must be "formulas" or "regressions"; did you mean "formulas"\?/,
    );
    const error = await preload.preloadDependencies([1 as never]).catch((e: unknown) => e);
    // Fresh module instances have their own error classes: compare names.
    expect((error as Error).name).toBe("ArgumentTypeError");
    const range = await preload.preloadDependencies(["x" as never]).catch((e: unknown) => e);
    expect((range as Error).name).toBe("ArgumentRangeError");
  });
});
