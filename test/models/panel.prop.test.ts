import fc from "fast-check";
import { ArgumentTypeError, fitModel, preparePanel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { expectKind } from "./expectKind.js";

/** A positive level series of 3–9 years whose yearly log changes are not all equal. */
const levelSeries = fc
  .record({
    first: fc.double({ min: 10, max: 1e5, noNaN: true }),
    growth: fc.array(fc.double({ min: -0.1, max: 0.2, noNaN: true }), {
      minLength: 2,
      maxLength: 8,
    }),
  })
  .filter(({ growth }) => Math.max(...growth) - Math.min(...growth) > 1e-3)
  .map(({ first, growth }) => {
    const values = [first];
    for (const g of growth) values.push((values[values.length - 1] as number) * Math.exp(g));
    return { years: values.map((_, i) => 2010 + i), values };
  });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("panel properties", () => {
  it("a panel of identical copies of the series leaves the forecast unchanged", () => {
    fc.assert(
      fc.property(levelSeries, fc.integer({ min: 3, max: 6 }), (series, copies) => {
        const panel = Array.from({ length: copies }, () => series);
        const last = series.years[series.years.length - 1] as number;
        for (const spec of [{ kind: "drift" }, { kind: "auto", method: "combine" }]) {
          const alone = projectModel(fitModel(spec, series), { toYear: last + 5 }).values;
          const fitted = fitModel(spec, series, { panel });
          const withPanel = projectModel(fitted, { toYear: last + 5 }).values;
          expect(withPanel.every((v, h) => close(v, alone[h] as number))).toBe(true);
        }
        // The copies agree exactly: no spread between units (τ² = 0), and the series' own
        // variance is the prior's (ν0 = ∞).
        const summary = preparePanel(panel);
        expect(summary.growth.betweenVariance).toBe(0);
        expect(summary.volatility.priorDf).toBe(10000);
      }),
      { numRuns: 60 },
    );
  });

  it("a longer own series gets more weight", () => {
    // The own series repeats the changes a, b k times: its mean growth (a + b)/2 has sampling
    // variance s̃²/T with T = 2k growing and its variance (divisor 2k − 1) shrinking with k, so
    // w = τ²/(τ² + s̃²/T) cannot fall as k grows.
    const panelArb = fc.array(levelSeries, { minLength: 3, maxLength: 8 });
    const changes = fc.tuple(
      fc.double({ min: -0.1, max: 0.2, noNaN: true }),
      fc.double({ min: -0.1, max: 0.2, noNaN: true }),
    );
    fc.assert(
      fc.property(panelArb, changes, (panelSeries, [a, b]) => {
        let summary: ReturnType<typeof preparePanel>;
        try {
          summary = preparePanel(panelSeries);
        } catch {
          return; // fewer than three usable units
        }
        let previous = -1;
        for (const k of [1, 2, 3, 5, 8]) {
          const values = [100];
          for (let i = 0; i < k; i++)
            for (const g of [a, b])
              values.push((values[values.length - 1] as number) * Math.exp(g));
          const series = { years: values.map((_, i) => 2000 + i), values };
          const fitted = expectKind(
            "drift",
            fitModel({ kind: "drift" }, series, { panel: summary }),
          );
          const w = fitted.params.panelWeight as number;
          expect(w).toBeGreaterThanOrEqual(previous - 1e-12);
          if (summary.growth.betweenVariance > 0) expect(w).toBeGreaterThan(0);
          previous = w;
        }
      }),
      { numRuns: 60 },
    );
  });

  it("bad arguments give named errors, never a raw TypeError", () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.dictionary(fc.string(), fc.integer()),
    );
    fc.assert(
      fc.property(junk, (value) => {
        expect(() => preparePanel(value as never)).toThrow(/^preparePanel: series must be/);
        expect(() => preparePanel(value as never)).toThrow(ArgumentTypeError);
        if (value !== undefined)
          expect(() =>
            fitModel({ kind: "drift" }, { years: [2021], values: [1] }, { panel: value as never }),
          ).toThrow(/^fitModel: options\.panel/);
      }),
      { numRuns: 100 },
    );
  });
});
