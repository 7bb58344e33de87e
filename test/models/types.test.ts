// Type-level checks of the fitted model (src/models/types.ts): `tsc --noEmit` checks them, and
// every `@ts-expect-error` below fails the type check if the line it marks stops being an error.
import { fitModel, projectModel } from "regionsim";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { HoltFitted, HoltParams } from "../../src/models/holtModel.js";
import { modelRegistry } from "../../src/models/modelRegistry.js";
import type { ThetaFitted } from "../../src/models/thetaModel.js";
import type { FittedModel, FittedOf } from "../../src/models/types.js";

const series = {
  years: [2015, 2016, 2017, 2018, 2019, 2020, 2021],
  values: [100, 109, 118, 130, 141, 152, 166],
};

describe("FittedModel types", () => {
  it("a fitted model is a union discriminated by kind: narrowing on kind types its params", () => {
    const fitted = fitModel({ kind: "theta" }, series);
    if (fitted.kind !== "theta") throw new Error(`expected theta (got ${fitted.kind})`);
    expectTypeOf(fitted).toEqualTypeOf<FittedModel<"theta">>();
    expectTypeOf(fitted).toEqualTypeOf<ThetaFitted>();
    expectTypeOf(fitted.params.alpha).toEqualTypeOf<number>();
    expectTypeOf(fitted.params.sigma).toEqualTypeOf<number | null>();
    // @ts-expect-error a theta fit has no holt parameter
    expect(fitted.params.beta).toBeUndefined();
    // @ts-expect-error nor a trend line's
    expect(fitted.params.slope).toBeUndefined();
    expect(fitted.params.alpha).toBeGreaterThan(0);
  });

  it("without narrowing only what every kind shares can be read", () => {
    const fitted: FittedModel = fitModel({ kind: "holt" }, series);
    expectTypeOf(fitted.kind).toEqualTypeOf<
      | "cagr"
      | "path"
      | "naive"
      | "drift"
      | "trend"
      | "theil-sen"
      | "holt"
      | "theta"
      | "combination"
      | "logistic"
      | "urgd"
    >();
    // @ts-expect-error `phi` belongs to holt only
    expect(fitted.params.phi).toBeLessThanOrEqual(1);
    // What `auto` adds to a selected model's params can be read on any kind.
    expectTypeOf(fitted.params.autoSelected).toEqualTypeOf<number | undefined>();
    expectTypeOf(fitted.params.autoScore0).toEqualTypeOf<number | null | undefined>();
    expect(fitted.params.autoSelected).toBeUndefined();
  });

  it("each definition's forecast takes its own kind's fitted model", () => {
    expectTypeOf(modelRegistry.theta.forecast).parameter(0).toEqualTypeOf<ThetaFitted>();
    expectTypeOf(modelRegistry.holt.forecast).parameter(0).toEqualTypeOf<HoltFitted>();
    const holt = fitModel({ kind: "holt" }, series);
    if (holt.kind !== "holt") throw new Error(`expected holt (got ${holt.kind})`);
    // @ts-expect-error a holt fit is not a theta fit
    expect(() => modelRegistry.theta.forecast(holt, 0, 1)).not.toThrow();
    expect(modelRegistry.holt.forecast(holt, 0, 1).mean).toHaveLength(1);
  });

  it("FittedOf builds a kind's fitted model from its kind and params", () => {
    expectTypeOf<FittedModel<"holt">>().toEqualTypeOf<FittedOf<"holt", HoltParams>>();
    expectTypeOf<FittedModel<"drift" | "naive">>().toEqualTypeOf<
      FittedModel<"drift"> | FittedModel<"naive">
    >();
  });

  it("the typed fitted model stays plain JSON: parsed back, it narrows and projects the same", () => {
    const fitted = fitModel({ kind: "theta" }, series);
    const copy = JSON.parse(JSON.stringify(fitted)) as FittedModel;
    expect(copy).toEqual(fitted);
    if (copy.kind !== "theta" || fitted.kind !== "theta") throw new Error("expected theta fits");
    expect(copy.params.alpha).toBe(fitted.params.alpha);
    expect(projectModel(copy, { toYear: 2025 })).toEqual(projectModel(fitted, { toYear: 2025 }));
  });
});
