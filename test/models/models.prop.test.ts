import fc from "fast-check";
import { fitModel, projectModel } from "regionsim";
import { describe, expect, it } from "vitest";
import { isModelKind, modelDeclarations } from "../../src/models/modelRegistry.js";
import type { FittedModel, Series } from "../../src/models/types.js";

type Spec = { readonly kind: string } & Readonly<Record<string, unknown>>;

const START_YEAR = fc.integer({ min: 1995, max: 2015 });
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (y: number) => 1 / (1 + Math.exp(-y));

/** A noisy level series (e.g. GDP): positive values with growth −5%…+15% a year and noise. */
const levelSeries = (minLength: number, maxLength: number) =>
  fc
    .record({
      start: START_YEAR,
      first: fc.double({ min: 10, max: 1e5, noNaN: true }),
      growth: fc.double({ min: -0.05, max: 0.15, noNaN: true }),
      noise: fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), {
        minLength,
        maxLength,
      }),
    })
    .map(({ start, first, growth, noise }) => ({
      years: noise.map((_, i) => start + i),
      values: noise.map((e, i) => first * Math.exp(growth * i + e)),
    }));

/** A percentage series inside (2, 98) with a logit trend and noise. */
const rateSeries = (minLength: number, maxLength: number) =>
  fc
    .record({
      start: START_YEAR,
      first: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      slope: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
      noise: fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength, maxLength }),
    })
    .map(({ start, first, slope, noise }) => ({
      years: noise.map((_, i) => start + i),
      values: noise.map(
        (e, i) => 100 * Math.min(0.98, Math.max(0.02, sigmoid(logit(first) + slope * i + e))),
      ),
    }));

const LEVEL_SPECS: Spec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend" },
  { kind: "trend", weighting: "escap" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
];

function width(p: { lower?: number[]; upper?: number[] }): number[] {
  return (p.upper ?? []).map((u, i) => Math.log(u) - Math.log((p.lower ?? [])[i] as number));
}

describe("projection model properties", () => {
  it("forecasts of a noiseless exponential series continue its growth rate, with or without a level jump at a declared break", () => {
    fc.assert(
      fc.property(
        START_YEAR,
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: -0.1, max: 0.3, noNaN: true }),
        fc.integer({ min: 6, max: 15 }),
        fc.option(
          fc.record({
            at: fc.integer({ min: 2, max: 4 }),
            factor: fc.double({ min: 0.5, max: 2, noNaN: true }),
          }),
        ),
        (start, first, rate, n, jump) => {
          const years = Array.from({ length: n }, (_, i) => start + i);
          const breakYear = jump === null ? undefined : start + n - jump.at;
          const values = years.map(
            (y, i) =>
              first *
              (1 + rate) ** i *
              (breakYear !== undefined && y >= breakYear ? (jump?.factor ?? 1) : 1),
          );
          const series: Series = {
            years,
            values,
            ...(breakYear === undefined ? {} : { breaks: [breakYear] }),
          };
          for (const spec of [
            { kind: "drift" },
            { kind: "trend" },
            { kind: "holt" },
            { kind: "auto" },
          ]) {
            const p = projectModel(fitModel(spec, series), { toYear: start + n + 2 }).values;
            const last = values[n - 1] as number;
            expect(Math.log((p[0] as number) / last)).toBeCloseTo(Math.log1p(rate), 6);
            expect(Math.log((p[2] as number) / (p[1] as number))).toBeCloseTo(Math.log1p(rate), 6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("prediction intervals widen (on the modelling scale) with the horizon", () => {
    fc.assert(
      fc.property(levelSeries(6, 14), rateSeries(4, 12), (level, rate) => {
        for (const spec of LEVEL_SPECS) {
          const fitted = fitModel(spec, level);
          const w = width(
            projectModel(fitted, { toYear: (level.years.at(-1) as number) + 8, level: 0.8 }),
          );
          for (let h = 1; h < w.length; h++)
            expect(w[h] as number).toBeGreaterThanOrEqual((w[h - 1] as number) - 1e-12);
        }
        const fitted = fitModel({ kind: "logistic" }, rate);
        const p = projectModel(fitted, { toYear: (rate.years.at(-1) as number) + 8, level: 0.8 });
        const lw = (p.upper ?? []).map(
          (u, i) => logit(u / 100) - logit(((p.lower ?? [])[i] as number) / 100),
        );
        for (let h = 1; h < lw.length; h++)
          expect(lw[h] as number).toBeGreaterThanOrEqual((lw[h - 1] as number) - 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it("a logistic projection never leaves its bounds", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.array(fc.double({ min: 0.02, max: 0.98, noNaN: true }), { minLength: 2, maxLength: 10 }),
        START_YEAR,
        fc.integer({ min: 1, max: 60 }),
        (lo, span, fractions, start, horizon) => {
          const hi = lo + span;
          const series = {
            years: fractions.map((_, i) => start + i),
            values: fractions.map((f) => lo + f * span),
          };
          const fitted = fitModel({ kind: "logistic" }, series, {
            scale: "logit",
            bounds: [lo, hi],
          });
          const p = projectModel(fitted, {
            toYear: start + fractions.length - 1 + horizon,
            level: 0.95,
          });
          for (const v of [...p.values, ...(p.lower ?? []), ...(p.upper ?? [])]) {
            expect(v).toBeGreaterThanOrEqual(lo);
            expect(v).toBeLessThanOrEqual(hi);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a fitted model serialises to JSON and projects the same after the round trip", () => {
    const specs: Spec[] = [
      ...LEVEL_SPECS,
      { kind: "trend", form: "linear", window: 4 },
      { kind: "auto", candidates: ["naive", "drift", "trend"] },
      { kind: "cagr", rate: 0.05 },
      { kind: "path", values: { "2040": 500 } },
    ];
    fc.assert(
      fc.property(levelSeries(1, 12), rateSeries(1, 8), fc.boolean(), (level, rate, withBreak) => {
        const breaks = withBreak && level.years.length > 3 ? [level.years[2] as number] : [];
        const check = (fitted: FittedModel, toYear: number) => {
          const copy = JSON.parse(JSON.stringify(fitted)) as FittedModel;
          expect(copy).toEqual(fitted);
          expect(projectModel(copy, { toYear, level: 0.8 })).toEqual(
            projectModel(fitted, { toYear, level: 0.8 }),
          );
        };
        for (const spec of specs) check(fitModel(spec, { ...level, breaks }), 2040);
        for (const spec of [{ kind: "logistic" }, { kind: "urgd" }, { kind: "auto" }])
          check(fitModel(spec, rate, { scale: "logit" }), 2040);
      }),
      { numRuns: 15 },
    );
  });

  it("selection never returns a model whose minimum data exceeds the series, and never falls back", () => {
    const kinds: Spec[] = [
      { kind: "naive" },
      { kind: "drift" },
      { kind: "trend" },
      { kind: "holt" },
      { kind: "holt", damped: true },
      { kind: "theta" },
      { kind: "logistic" },
    ];
    fc.assert(
      fc.property(
        levelSeries(1, 9),
        fc.subarray(kinds, { minLength: 1 }),
        fc.constantFrom("mase" as const, "mae" as const),
        (series, candidates, metric) => {
          const fitted = fitModel({ kind: "auto", candidates, metric }, series);
          const index = fitted.params.autoSelected as number;
          const chosen = index >= 0 ? (candidates[index] as Spec) : { kind: "naive" };
          expect(fitted.kind).toBe(chosen.kind);
          const need = isModelKind(chosen.kind)
            ? modelDeclarations[chosen.kind].minPoints(chosen)
            : undefined;
          expect(need).toBeLessThanOrEqual(series.years.length);
          expect(fitted.fallback).toBeUndefined();
        },
      ),
      { numRuns: 25 },
    );
  });

  it("no model reads a level jump at a break as growth: rescaling the segment before a break changes no projection", () => {
    fc.assert(
      fc.property(
        levelSeries(7, 12),
        rateSeries(5, 10),
        fc.integer({ min: 2, max: 4 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (level, rate, fromEnd, factor) => {
          const compare = (
            spec: Spec,
            series: { years: number[]; values: number[] },
            shifted: number[],
            scale: "log" | "logit",
          ) => {
            const breakYear = series.years[series.years.length - fromEnd] as number;
            const a = fitModel(spec, { ...series, breaks: [breakYear] }, { scale });
            const b = fitModel(
              spec,
              { years: series.years, values: shifted, breaks: [breakYear] },
              { scale },
            );
            const toYear = (series.years.at(-1) as number) + 5;
            const pa = projectModel(a, { toYear }).values;
            const pb = projectModel(b, { toYear }).values;
            pa.forEach((v, i) => {
              expect(Math.abs((pb[i] as number) / v - 1)).toBeLessThan(1e-6);
            });
          };
          const cut = (years: number[]) => years[years.length - fromEnd] as number;
          const scaledLevel = level.values.map((v, i) =>
            (level.years[i] as number) < cut(level.years) ? v * factor : v,
          );
          for (const spec of [
            ...LEVEL_SPECS,
            { kind: "auto", candidates: ["naive", "drift", "trend"] },
          ])
            compare(spec, level, scaledLevel, "log");
          // For a rate, a level jump is a shift of the logit (the odds multiplied by `factor`).
          const shiftedRate = rate.values.map((v, i) =>
            (rate.years[i] as number) < cut(rate.years)
              ? 100 * sigmoid(logit(v / 100) + Math.log(factor))
              : v,
          );
          for (const spec of [{ kind: "logistic" }, { kind: "urgd" }])
            compare(spec, rate, shiftedRate, "logit");
        },
      ),
      { numRuns: 25 },
    );
  });
});
