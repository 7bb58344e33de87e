import type { SimulationPlan } from "regionsim";

/**
 * A small plan that reaches every part of the engine: log, logit and linear scales, the four
 * aggregation rules, two groups, a late start, value, ratio and cumulative measures, the three
 * comparators, thresholds by year, a window and a target without a year. Its results were
 * computed by the engine once and are pinned in `simulate.pinned.test.ts`, so that a change of
 * any bit (a reordered sum, a different stream, another histogram grid) fails that test. Update
 * the pins only for an intended change of the engine's numbers, and say so in the changelog.
 */
const years = 4;
const walk = (level0: number, g: number): number[] =>
  Array.from({ length: years }, (_, k) => level0 + g * (k + 1));

export const pinnedPlan: SimulationPlan = {
  baseYear: 2020,
  years,
  places: ["a", "b", "c"],
  indicators: [
    { id: "pop", scale: "log", aggregation: { rule: "sum" }, phi: 0.2, rho: 0.3 },
    { id: "urban", scale: "log", aggregation: { rule: "sum" }, phi: 0.4, rho: 0.6 },
    {
      id: "urbanization",
      scale: "logit",
      bounds: [0, 100],
      aggregation: { rule: "ratio", numerator: "urban", denominator: "pop", scale: 100 },
      phi: 0.1,
      rho: 0.2,
    },
    {
      id: "wage",
      scale: "log",
      aggregation: { rule: "weighted-mean", weight: "pop" },
      phi: 0,
      rho: 0.5,
    },
    {
      id: "coverage",
      scale: "logit",
      bounds: [0, 1],
      aggregation: { rule: "weighted-mean", weight: "pop" },
      phi: 0.3,
      rho: 0.4,
    },
    { id: "balance", scale: "linear", aggregation: { rule: "sum" }, phi: -0.2, rho: 0.1 },
    { id: "rank", scale: "linear", aggregation: { rule: "none" }, phi: 0, rho: 0 },
  ],
  groups: [
    { id: "city", members: ["a", "b", "c"] },
    { id: "core", members: ["c", "a"] },
  ],
  baseline: [
    [
      walk(Math.log(100), 0.01),
      walk(Math.log(50), 0.03),
      walk(0.2, 0.05),
      walk(Math.log(10), 0.04),
      walk(1, 0.1),
      walk(5, -0.5),
      walk(3, 0),
    ],
    [
      walk(Math.log(300), 0.005),
      walk(Math.log(90), 0.02),
      walk(-0.5, 0.04),
      walk(Math.log(20), 0.03),
      walk(0.5, 0.1),
      walk(-2, 0.3),
      null,
    ],
    [
      walk(Math.log(80), 0.02),
      walk(Math.log(30), 0.04),
      walk(-1, 0.06),
      walk(Math.log(15), 0.05),
      walk(0, 0.2),
      walk(0, 0),
      walk(7, 0),
    ],
  ],
  sigma: [
    [0.02, 0.03, 0.1, 0.05, 0.2, 0.8, 0.5],
    [0.01, 0.02, 0.08, 0.04, 0.15, 1.2, 0],
    [0.03, 0.04, 0.12, 0.06, 0.25, 0.5, 0.3],
  ],
  start: [
    [1, 1, 1, 1, 1, 1, 1],
    [1, 2, 1, 1, 3, 1, 1],
    [1, 1, 1, 2, 1, 5, 1],
  ],
  targets: [
    {
      id: "city-pop",
      year: 2024,
      conditions: [
        {
          measure: { kind: "value", scope: "city", indicator: "pop" },
          comparator: ">=",
          threshold: 500,
        },
      ],
    },
    {
      id: "core-share",
      year: 2023,
      conditions: [
        {
          measure: {
            kind: "ratio",
            numerator: { scope: "core", indicator: "urban" },
            denominator: { scope: "city", indicator: "urban" },
            scale: 100,
          },
          comparator: ">=",
          threshold: 48,
        },
      ],
    },
    {
      id: "cumulative-urban",
      year: 2024,
      conditions: [
        {
          measure: { kind: "cumulative", scope: "a", indicator: "urban", from: 2022 },
          comparator: ">=",
          threshold: 170,
        },
      ],
    },
    {
      id: "cumulative-balance",
      year: 2024,
      window: { from: 2022, to: 2024 },
      conditions: [
        {
          measure: { kind: "cumulative", scope: "city", indicator: "balance", from: 2022 },
          comparator: "<=",
          threshold: 5,
        },
      ],
    },
    {
      id: "urbanization-rank",
      year: null,
      conditions: [
        {
          measure: { kind: "value", scope: "city", indicator: "urbanization" },
          comparator: ">=",
          threshold: [40, null, 41, 42],
        },
        {
          measure: { kind: "value", scope: "core", indicator: "coverage" },
          comparator: "about",
          tolerance: 0.2,
          threshold: 0.6,
        },
      ],
    },
    {
      id: "wage-cap",
      year: 2022,
      window: { from: 2021, to: 2023 },
      conditions: [
        {
          measure: { kind: "value", scope: "core", indicator: "wage" },
          comparator: "<=",
          threshold: 14,
        },
      ],
    },
    {
      id: "rank-about",
      year: 2024,
      conditions: [
        {
          measure: { kind: "value", scope: "c", indicator: "rank" },
          comparator: "about",
          tolerance: 0.1,
          threshold: 7,
        },
      ],
    },
  ],
};
