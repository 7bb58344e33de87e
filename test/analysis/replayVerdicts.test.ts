import { describe, expect, it } from "vitest";
import { placeId, replayPack, thresholdMet } from "../../scripts/replay/replayPack.js";
import { reliability, statusHits } from "../../scripts/replay/verdictTables.js";
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import { assessPack } from "../../src/assessment/assessPack.js";

const years = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe("verdict replay: thresholds and packs", () => {
  it("thresholdMet compares with the base grown at the rate", () => {
    // 100 · 1.07^5 = 140.2552
    expect(thresholdMet(100, 140.3, 0.07, 5)).toBe(true);
    expect(thresholdMet(100, 140.2, 0.07, 5)).toBe(false);
    // 100 · 1.065^5 = 137.0087
    expect(thresholdMet(100, 137.01, 0.065, 5)).toBe(true);
    expect(thresholdMet(100, 137.0, 0.065, 5)).toBe(false);
  });

  it("replayPack keeps the units observed in B, J and T without a break in (B, T]", () => {
    const grow = (id: string, breaks: number[] = [2019]): BacktestSeries => ({
      id,
      years: years(2000, 2018),
      values: years(2000, 2018).map((y) => 100 * 1.1 ** (y - 2000)),
      breaks,
    });
    const gap: BacktestSeries = {
      ...grow("gap"),
      years: years(2000, 2014),
      values: years(2000, 2014).map(() => 1),
    };
    const built = replayPack(
      "p53-2010",
      [grow("a"), grow("jump", [2013, 2019]), gap, grow("old", [2006, 2019])],
      { baseYear: 2010, targetYear: 2015, judgedIn: 2012 },
      [0.065, 0.13],
      10,
    );
    expect(built).toBeDefined();
    // "jump" breaks in 2013 ∈ (2010, 2015], "gap" has no 2015: left out.
    expect(built?.pack.dataset.places.map((p) => p.id)).toEqual([placeId("a"), placeId("old")]);
    // Data up to J = 2012 only: the last 10 years (2003–2012) for "a", since its 2006 break for "old".
    const obs = (id: string) =>
      built?.pack.dataset.observations.filter((o) => o.place === placeId(id)).map((o) => o.year);
    expect(obs("a")).toEqual(years(2003, 2012));
    expect(obs("old")).toEqual(years(2006, 2012));
    // 10% a year for 5 years = ×1.6105: meets 6.5% (×1.3701), not 13% (×1.8424).
    expect(built?.outcomes.map((o) => [o.unit, o.rate, o.met])).toEqual([
      ["a", 0.065, true],
      ["a", 0.13, false],
      ["old", 0.065, true],
      ["old", 0.13, false],
    ]);
    // The library judges every target of the pack: one row each, with a status.
    const rows = assessPack(built!.pack, "default").rows;
    expect(rows.map((r) => r.targetId)).toEqual(built?.outcomes.map((o) => o.targetId));
    for (const r of rows) expect(r.status).not.toBe("insufficient-data");
  });

  it("replayPack is undefined when no unit takes part", () => {
    expect(
      replayPack("p", [], { baseYear: 2010, targetYear: 2015, judgedIn: 2012 }, [0.07], 10),
    ).toBeUndefined();
  });
});

describe("verdict replay: tallies", () => {
  it("statusHits counts targets and those met per status, in the vocabulary's order", () => {
    const j = (status: string, met: boolean) => ({ status, probability: null, met });
    expect(
      statusHits([
        j("off-track", false),
        j("on-track", true),
        j("on-track", false),
        j("off-track", true),
      ]),
    ).toEqual([
      { status: "on-track", n: 2, met: 1 },
      { status: "off-track", n: 2, met: 1 },
    ]);
  });

  it("reliability bins the probabilities and gives the Brier scores", () => {
    const r = reliability(
      [
        { status: "on-track", probability: 0.9, met: true },
        { status: "off-track", probability: 0.1, met: false },
        { status: "on-track", probability: 0.5, met: true },
        { status: "achieved", probability: null, met: true },
      ],
      2,
    );
    // Brier over the three with a probability: (0.1² + 0.1² + 0.5²) / 3 = 0.27 / 3 = 0.09.
    expect(r.n).toBe(3);
    expect(r.brier).toBeCloseTo(0.09, 12);
    // Base rate 2/3: (2 · (1/3)² + (2/3)²) / 3 = (2/9 + 4/9) / 3 = 0.2222.
    expect(r.baseRateBrier).toBeCloseTo(2 / 9, 12);
    // Bins [0, 0.5) and [0.5, 1]: 0.1 alone (0% met); 0.5 and 0.9 (mean 0.7, both met).
    expect(r.bins).toEqual([
      { lower: 0, upper: 0.5, n: 1, predicted: 0.1, observed: 0 },
      { lower: 0.5, upper: 1, n: 2, predicted: 0.7, observed: 1 },
    ]);
  });
});
