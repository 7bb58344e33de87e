import { describe, expect, it } from "vitest";
import { aggregateGroups } from "../../src/scenarios/aggregateGroups.js";
import type { ScopeSeries } from "../../src/scenarios/scopeSeries.js";
import type { Aggregation, Indicator } from "../../src/schemas/indicator.js";
import type { Quality } from "../../src/schemas/observation.js";

/** A place's series: observed `[year, value, quality]` points, then projected `[year, value]`. */
function series(
  scope: string,
  indicator: string,
  observed: readonly (readonly [number, number, Quality])[],
  projected: readonly (readonly [number, number])[] = [],
  extra: Partial<ScopeSeries> = {},
): ScopeSeries {
  return {
    scope,
    indicator,
    basis: "observed",
    observed: observed.map(([year, value, quality]) => ({ year, value, source: "T", quality })),
    unused: [],
    years: projected.map(([year]) => year),
    values: projected.map(([, value]) => value),
    informative: true,
    notes: [],
    ...extra,
  };
}

function indicator(id: string, aggregation: Aggregation): Indicator {
  return { id, nameZh: id, nameEn: id, unit: "u", kind: "level", aggregation, scale: "log" };
}

const groups = [{ id: "all", nameZh: "全", nameEn: "All", members: ["east", "west"] }];
const indicators = (...list: Indicator[]) => new Map(list.map((i) => [i.id, i]));
const gdp = indicator("gdp", { rule: "sum" });
const pop = indicator("pop", { rule: "sum" });
const urban = indicator("urban", { rule: "sum" });
const rate = indicator("rate", {
  rule: "ratio",
  numerator: "urban",
  denominator: "pop",
  scale: 100,
});
const wage = indicator("wage", { rule: "weighted-mean", weight: "pop" });

describe("aggregateGroups", () => {
  it("aggregateGroups sums members' values, observed while every member is, graded by the worst grade", () => {
    const direct = [
      series(
        "east",
        "gdp",
        [
          [2022, 10, "A"],
          [2023, 11, "A"],
        ],
        [[2024, 12]],
      ),
      series(
        "west",
        "gdp",
        [[2022, 5, "B"]],
        [
          [2023, 6],
          [2024, 7],
        ],
      ),
    ];
    const [all] = aggregateGroups({ groups }, direct, indicators(gdp));
    expect(all?.observed).toEqual([
      { year: 2022, value: 15, source: "aggregated from 2 places", quality: "B" },
    ]);
    // 2023: east observed, west projected, so the group's 2023 is projected
    expect(all?.years).toEqual([2023, 2024]);
    expect(all?.values).toEqual([17, 19]);
    expect(all?.informative).toBe(true);
    expect(all?.notes).toEqual(['aggregated from east, west by rule "sum"']);
    expect(all?.failure).toBeUndefined();
  });

  it("aggregateGroups leaves out a ratio's year whose summed denominator is 0", () => {
    const direct = [
      series("east", "urban", [
        [2022, 30, "A"],
        [2023, 0, "A"],
        [2024, 3, "A"],
      ]),
      series("west", "urban", [
        [2022, 20, "A"],
        [2023, 0, "A"],
        [2024, 2, "A"],
      ]),
      series("east", "pop", [
        [2022, 40, "A"],
        [2023, 0, "A"],
        [2024, 4, "A"],
      ]),
      series("west", "pop", [
        [2022, 60, "B"],
        [2023, 0, "A"],
        [2024, 6, "A"],
      ]),
    ];
    const all = aggregateGroups({ groups }, direct, indicators(rate)).find(
      (s) => s.indicator === "rate",
    );
    // 100 × (30 + 20) / (40 + 60) = 50; 2023 has no ratio; 100 × 5 / 10 = 50
    expect(all?.observed.map((p) => [p.year, p.value, p.quality])).toEqual([
      [2022, 50, "B"],
      [2024, 50, "A"],
    ]);
    expect(all?.years).toEqual([]);
  });

  it("aggregateGroups projects a weighted mean's year in which a weight is projected, with that weight", () => {
    const direct = [
      series("east", "wage", [
        [2023, 10, "A"],
        [2024, 10, "A"],
      ]),
      series("west", "wage", [
        [2023, 4, "A"],
        [2024, 4, "A"],
      ]),
      series("east", "pop", [[2023, 1, "A"]], [[2024, 1]]),
      series("west", "pop", [
        [2023, 1, "A"],
        [2024, 3, "A"],
      ]),
    ];
    const all = aggregateGroups({ groups }, direct, indicators(wage)).find(
      (s) => s.indicator === "wage",
    );
    // 2023: (10 + 4) / 2 = 7 observed; 2024: (10 · 1 + 4 · 3) / 4 = 5.5 from east's projected weight
    expect(all?.observed.map((p) => [p.year, p.value])).toEqual([[2023, 7]]);
    expect(all?.years).toEqual([2024]);
    expect(all?.values).toEqual([5.5]);
  });

  it("aggregateGroups leaves out a weighted mean's year whose weights sum to 0", () => {
    const direct = [
      series("east", "wage", [
        [2023, 10, "A"],
        [2024, 10, "A"],
      ]),
      series("west", "wage", [
        [2023, 4, "A"],
        [2024, 4, "A"],
      ]),
      series("east", "pop", [
        [2023, 0, "A"],
        [2024, 1, "A"],
      ]),
      series("west", "pop", [
        [2023, 0, "A"],
        [2024, 1, "A"],
      ]),
    ];
    const all = aggregateGroups({ groups }, direct, indicators(wage)).find(
      (s) => s.indicator === "wage",
    );
    expect(all?.observed.map((p) => [p.year, p.value])).toEqual([[2024, 7]]);
  });

  it("aggregateGroups names the first member part whose model failed, members in the group's order", () => {
    const failed = (scope: string, indicatorId: string, why: string) =>
      series(scope, indicatorId, [[2023, 1, "A"]], [], { failure: why, informative: false });
    const direct = [
      series("east", "urban", [[2023, 30, "A"]], [[2024, 31]]),
      failed("east", "pop", "could not project with theta: east"),
      failed("west", "urban", "could not project with theta: west"),
      series("west", "pop", [[2023, 60, "A"]], [[2024, 60]]),
    ];
    const all = aggregateGroups({ groups }, direct, indicators(rate)).find(
      (s) => s.indicator === "rate",
    );
    expect(all?.failure).toBe("east's pop could not project with theta: east");
    // failed parts have no projection, so they do not make the aggregate uninformative
    expect(all?.informative).toBe(true);
    expect(all?.years).toEqual([]);
  });

  it("aggregateGroups marks an aggregate uninformative when a member part's projection is", () => {
    const direct = [
      series("east", "gdp", [[2023, 1, "A"]], [[2024, 1]], { informative: false }),
      series("west", "gdp", [[2023, 1, "A"]], [[2024, 1]]),
    ];
    expect(aggregateGroups({ groups }, direct, indicators(gdp))[0]?.informative).toBe(false);
  });

  it("aggregateGroups gives no aggregate for rule none, for a missing member part or without a common year", () => {
    const none = indicator("solo", { rule: "none" });
    const direct = [
      series("east", "solo", [[2023, 1, "A"]]),
      series("west", "solo", [[2023, 1, "A"]]),
      series("east", "gdp", [[2023, 1, "A"]]),
      series("east", "urban", [[2022, 1, "A"]]),
      series("west", "urban", [[2023, 1, "A"]]),
    ];
    expect(aggregateGroups({ groups }, direct, indicators(none, gdp, urban))).toEqual([]);
  });

  it("aggregateGroups lists aggregates group by group, in the order of the indicators", () => {
    const direct = [
      series("east", "gdp", [[2023, 1, "A"]]),
      series("west", "gdp", [[2023, 2, "A"]]),
      series("east", "pop", [[2023, 3, "A"]]),
      series("west", "pop", [[2023, 4, "A"]]),
    ];
    const two = [...groups, { id: "east-only", nameZh: "东", nameEn: "E", members: ["east"] }];
    const out = aggregateGroups({ groups: two }, direct, indicators(pop, gdp));
    expect(out.map((s) => [s.scope, s.indicator, s.observed[0]?.value])).toEqual([
      ["all", "pop", 7],
      ["all", "gdp", 3],
      ["east-only", "pop", 3],
      ["east-only", "gdp", 1],
    ]);
  });
});
