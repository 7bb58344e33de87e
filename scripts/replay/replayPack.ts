/**
 * The verdict replay's packs (`npm run replay`): the plan-style targets of one province's units
 * as judged in a past year. For a plan period base year B → target year T = B + 5, judged in year
 * J (B < J < T) from the data up to J, every unit gets one `growth` target per rate g: "GDP grows
 * at least g a year from B to T" (met when GDP_T ≥ GDP_B · (1 + g)^5). A unit takes part when its
 * GDP is observed in B, J and T and no break lies in (B, T] (never across the 2019 census break,
 * nor a county's jump); its data are the years up to J since its last break, at most `window`
 * of them. The library then projects, assesses and simulates the pack as for any region
 * (`assessPack`, `simulatePack`), with the default model and uncertainty.
 */
import type { BacktestSeries } from "../../src/analysis/backtestOptions.js";
import type { RegionPack } from "../../src/schemas/regionPack.js";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import type { Target } from "../../src/schemas/target.js";
import { COMPARISON_TOLERANCE } from "../../src/targets/comparison.js";

/** A plan period and the year it is judged in. */
export interface ReplayWindow {
  readonly baseYear: number;
  readonly targetYear: number;
  readonly judgedIn: number;
}

/** One unit's target and what happened. */
export interface ReplayOutcome {
  readonly targetId: string;
  readonly unit: string;
  readonly rate: number;
  /** Whether the target year's observation met the target. */
  readonly met: boolean;
}

/** The pack of one province in one window, with the outcome of each of its targets. */
export interface ReplayPack {
  readonly pack: RegionPack;
  readonly outcomes: readonly ReplayOutcome[];
}

/**
 * Whether `actual` meets "at least `base` grown at `rate` a year for `years` years".
 *
 * @example
 * // 100 · 1.07^5 = 140.255: 140.3 meets it, 140.2 does not
 * thresholdMet(100, 140.3, 0.07, 5); // true
 */
export function thresholdMet(base: number, actual: number, rate: number, years: number): boolean {
  // Up to the library's relative tolerance of comparisons with a threshold.
  return actual >= base * (1 + rate) ** years * (1 - COMPARISON_TOLERANCE);
}

/** The pack id of a unit: the library's ids start with a letter. */
export function placeId(unit: string): string {
  return `u${unit.toLowerCase().replace(/[^a-z0-9_-]/g, "_")}`;
}

/**
 * The pack of `series` (one province's units) judged in `window`, with one growth target per
 * rate of `rates` (fractions a year) per unit that takes part; undefined when none does.
 */
export function replayPack(
  id: string,
  series: readonly BacktestSeries[],
  window: ReplayWindow,
  rates: readonly number[],
  trainingYears: number,
): ReplayPack | undefined {
  const { baseYear: B, targetYear: T, judgedIn: J } = window;
  const places: { id: string; unit: string }[] = [];
  const observations: RegionPack["dataset"]["observations"] = [];
  const targets: Target[] = [];
  const outcomes: ReplayOutcome[] = [];
  for (const s of series) {
    const at = (year: number) => {
      const k = s.years.indexOf(year);
      return k < 0 ? undefined : (s.values[k] as number);
    };
    const base = at(B);
    const judged = at(J);
    const actual = at(T);
    const breaks = s.breaks ?? [];
    if (base === undefined || judged === undefined || actual === undefined) continue;
    if (breaks.some((b) => b > B && b <= T)) continue;
    const since = Math.max(J - trainingYears + 1, ...breaks.filter((b) => b <= J));
    const place = placeId(s.id);
    places.push({ id: place, unit: s.id });
    s.years.forEach((year, k) => {
      if (year < since || year > J) return;
      observations.push({
        place,
        indicator: "gdp",
        year,
        value: s.values[k] as number,
        unit: "100M yuan",
        source: "PANEL",
        quality: "A",
      });
    });
    for (const rate of rates) {
      const targetId = `${place}-g${Math.round(rate * 1000)}`;
      targets.push({
        id: targetId,
        nameZh: targetId,
        nameEn: targetId,
        kind: "growth",
        scope: place,
        indicator: "gdp",
        comparator: ">=",
        value: rate * 100,
        unit: "%/yr",
        year: T,
        baseYear: B,
        provenance: { kind: "interpretation", reasoning: "replay threshold" },
      } as Target);
      outcomes.push({ targetId, unit: s.id, rate, met: thresholdMet(base, actual, rate, T - B) });
    }
  }
  if (places.length === 0) return undefined;
  const pack = RegionPackSchema.parse({
    id,
    nameZh: id,
    nameEn: id,
    plan: { titleZh: id, titleEn: id, baseYear: B, issued: B + 1, endYear: T },
    dataset: {
      places: places.map((p) => ({ id: p.id, nameZh: p.unit, nameEn: p.unit, kind: "county" })),
      groups: [],
      indicators: [
        {
          id: "gdp",
          nameZh: "地区生产总值",
          nameEn: "GDP",
          unit: "100M yuan",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
        },
      ],
      observations,
      breaks: [],
    },
    targets,
    references: [],
    scenarios: [
      {
        id: "default",
        nameEn: "The library's defaults",
        description: "The default model and uncertainty for every series.",
      },
    ],
    sources: [],
  });
  return { pack, outcomes };
}
