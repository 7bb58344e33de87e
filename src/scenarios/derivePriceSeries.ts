import { chainIndex } from "../growth/chainIndex.js";
import { checkNumber, checkObject } from "../internal/checkArgs.js";
import { checkSchema } from "../internal/checkSchema.js";
import { type Dataset, DatasetSchema } from "../schemas/dataset.js";
import type { Indicator } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation, Quality, SeriesBreak } from "../schemas/observation.js";
import { priceCompanionId } from "../schemas/priceCompanionId.js";
import { chooseObservations } from "./chooseObservations.js";
import { worseQuality } from "./internal/qualityRank.js";
import type { ObservedPoint } from "./scopeSeries.js";

/** A dataset with the series derived from its price indices, and what could not be derived. */
export interface DerivedPriceSeries {
  readonly dataset: Dataset;
  /** Warnings: an index without the reference year's level, index years a gap cuts off. */
  readonly issues: Issue[];
}

const FN = "derivePriceSeries";

/**
 * Adds to a dataset, for every indicator that declares a price index (`prices: { index }`, an
 * indicator of its volume index with the previous year = 100), two derived indicators and their
 * observations, for every place or group that has observations of the index:
 *
 * - `<id>_real`, the indicator at constant prices of the reference year (`prices.referenceYear`,
 *   else `referenceYear`): the level at current prices in the reference year, chained with the
 *   index outwards (see `chainIndex`). Not aggregated over places (chain-linked volumes are not
 *   additive: SNA 2008 §15.45). Its quality is the worst of the observations it is chained from,
 *   its source the keys of both (`CSMAR_GH+GP_GDP_INDEX`), its note the chain. It has no series
 *   breaks of its own beyond the index's: a level revision of the series at current prices (an
 *   economic census) does not break it, because the index compares each year with the year
 *   before on one basis and the level comes from the reference year alone.
 * - `<id>_deflator`, the implicit deflator `100 × nominal / real` in every year with both (100
 *   in the reference year); it inherits the series breaks of the indicator at current prices (a
 *   revised level moves the deflator, not prices) and of the index.
 *
 * Each derived indicator carries `priceCompanion: { of, role, index, referenceYear }`. One
 * observation a year of each input is used, the best-graded (A before B before C). Derived
 * indicators and observations already in the dataset (from an earlier call) are replaced. The
 * projection then projects the real series with the scenario's model for the indicator, and
 * its deflator with the scenario's `deflators` assumption or the drift of its log (see
 * docs/real-and-nominal.md).
 *
 * @param dataset - places, groups, indicators, observations and breaks, as `DatasetSchema`
 *   validates them.
 * @param referenceYear - the year whose prices the constant-price series are in, for indicators
 *   whose `prices` do not say (an assessment uses the plan's base year).
 * @returns the dataset with the derived indicators, observations and breaks appended, and
 *   warnings for what could not be derived (a scope whose index has no level of the indicator in
 *   the reference year; index years beyond a missing year).
 * @throws {ArgumentTypeError} `derivePriceSeries: dataset must be a dataset as DatasetSchema
 *   validates it (got nothing)`, or naming the first problem inside it;
 *   `derivePriceSeries: referenceYear must be an integer (got the string "2020")`.
 * @example
 * const { dataset } = derivePriceSeries(qujingPack.dataset, 2020);
 * dataset.indicators.find((i) => i.id === "gdp_real")?.priceCompanion; // { of: "gdp", role: "real", index: "gdp_index", referenceYear: 2020 }
 * dataset.observations.find((o) => o.indicator === "gdp_real" && o.year === 2021)?.value; // 3314.472 (2959.35 × 112.0 / 100)
 */
export function derivePriceSeries(dataset: Dataset, referenceYear: number): DerivedPriceSeries {
  checkObject(FN, "dataset", dataset, "a dataset as DatasetSchema validates it");
  const parsed = checkSchema(FN, "dataset", dataset, DatasetSchema, { shapeOnly: true });
  checkNumber(FN, "referenceYear", referenceYear, { integer: true });
  return deriveCheckedPriceSeries(parsed, referenceYear);
}

/**
 * {@link derivePriceSeries} without its argument checks, for the assessment and the simulation,
 * which checked the pack already. Not exported from the package.
 */
export function deriveCheckedPriceSeries(
  dataset: Dataset,
  referenceYear: number,
): DerivedPriceSeries {
  const derivedIds = new Set(
    dataset.indicators.filter((i) => i.priceCompanion !== undefined).map((i) => i.id),
  );
  const base: Dataset =
    derivedIds.size === 0
      ? dataset
      : {
          ...dataset,
          indicators: dataset.indicators.filter((i) => !derivedIds.has(i.id)),
          observations: dataset.observations.filter((o) => !derivedIds.has(o.indicator)),
          breaks: dataset.breaks.filter((b) => !derivedIds.has(b.indicator)),
        };
  const priced = base.indicators.filter(
    (i) => i.prices !== undefined && base.indicators.some((x) => x.id === i.prices?.index),
  );
  if (priced.length === 0) return { dataset: base, issues: [] };
  const issues: Issue[] = [];
  const indicators: Indicator[] = [];
  const observations: Observation[] = [];
  const breaks: SeriesBreak[] = [];
  for (const nominal of priced) {
    const prices = nominal.prices as NonNullable<Indicator["prices"]>;
    const year = prices.referenceYear ?? referenceYear;
    indicators.push(...companionIndicators(nominal, prices.index, year));
    for (const scope of scopesOf(base, prices.index)) {
      const derived = deriveScope(base, nominal, prices.index, scope, year, issues);
      observations.push(...derived.observations);
      breaks.push(...derived.breaks);
    }
  }
  return {
    dataset: {
      ...base,
      indicators: [...base.indicators, ...indicators],
      observations: [...base.observations, ...observations],
      breaks: [...base.breaks, ...breaks],
    },
    issues,
  };
}

/** The constant-price and deflator indicators of `nominal`. */
function companionIndicators(nominal: Indicator, index: string, year: number): Indicator[] {
  const companion = (role: "real" | "deflator") => ({
    of: nominal.id,
    role,
    index,
    referenceYear: year,
  });
  return [
    {
      id: priceCompanionId(nominal.id, "real"),
      nameZh: `${nominal.nameZh}(${year}年不变价)`,
      nameEn: `${nominal.nameEn} at constant ${year} prices`,
      unit: nominal.unit,
      kind: "level",
      aggregation: { rule: "none" },
      scale: nominal.scale,
      note: `Derived: ${nominal.id} in ${year} (at current prices, which are ${year}'s) chained with the index ${index} (previous year = 100). Not aggregated over places: chain-linked volumes are not additive.`,
      priceCompanion: companion("real"),
    },
    {
      id: priceCompanionId(nominal.id, "deflator"),
      nameZh: `${nominal.nameZh}平减指数`,
      nameEn: `${nominal.nameEn}, implicit deflator`,
      unit: `${year} = 100`,
      kind: "level",
      aggregation: { rule: "none" },
      scale: "log",
      note: `Derived: 100 × ${nominal.id} / ${priceCompanionId(nominal.id, "real")}, ${year} = 100.`,
      priceCompanion: companion("deflator"),
    },
  ];
}

/** The places and groups with observations of `index`, in the order first seen. */
function scopesOf(dataset: Dataset, index: string): string[] {
  return [
    ...new Set(dataset.observations.filter((o) => o.indicator === index).map((o) => o.place)),
  ];
}

/** One observation a year of `indicator` for `scope`, the best-graded. */
function bestByYear(dataset: Dataset, scope: string, indicator: string): ObservedPoint[] {
  const list = dataset.observations.filter((o) => o.place === scope && o.indicator === indicator);
  return chooseObservations(list, true).used;
}

/** Years as a short range: `2021–2023`, `2021`. */
function span(from: number, to: number): string {
  return from === to ? `${from}` : `${Math.min(from, to)}–${Math.max(from, to)}`;
}

/** The real and deflator observations and breaks of one scope. */
function deriveScope(
  dataset: Dataset,
  nominal: Indicator,
  indexId: string,
  scope: string,
  year: number,
  issues: Issue[],
): { observations: Observation[]; breaks: SeriesBreak[] } {
  const index = bestByYear(dataset, scope, indexId);
  const levels = bestByYear(dataset, scope, nominal.id);
  const anchor = levels.find((p) => p.year === year);
  const realId = priceCompanionId(nominal.id, "real");
  const deflatorId = priceCompanionId(nominal.id, "deflator");
  if (anchor === undefined || !(anchor.value > 0)) {
    issues.push({
      severity: "warning",
      code: "no-reference-level",
      message: `${scope} has ${indexId} but no ${nominal.id} in ${year}, the year whose prices its constant-price series is in: ${realId} is not derived for ${scope}`,
      field: `${scope}.${realId}`,
    });
    return { observations: [], breaks: [] };
  }
  const chained = chainIndex(
    { years: index.map((p) => p.year), values: index.map((p) => p.value) },
    year,
    anchor.value,
  );
  const first = chained.years[0] as number;
  const last = chained.years[chained.years.length - 1] as number;
  const cutOff = index.filter((p) => p.year < first || p.year > last).map((p) => p.year);
  if (cutOff.length > 0)
    issues.push({
      severity: "warning",
      code: "index-gap",
      message: `${indexId} for ${scope} in ${cutOff.join(", ")} not used: the chain from ${year} stops where a year is missing (it covers ${span(first, last)})`,
      field: `${scope}.${indexId}`,
    });
  const indexAt = new Map(index.map((p) => [p.year, p]));
  const observations: Observation[] = [];
  chained.years.forEach((y, k) => {
    // The index years the chain multiplies or divides by between the reference year and y.
    const steps = y > year ? range(year + 1, y) : range(y + 1, year);
    const used = steps.map((s) => indexAt.get(s) as ObservedPoint);
    const quality = used.reduce<Quality>((q, p) => worseQuality(q, p.quality), anchor.quality);
    const sources = [...new Set([anchor.source, ...used.map((p) => p.source)])].join("+");
    observations.push({
      place: scope,
      indicator: realId,
      year: y,
      value: chained.values[k] as number,
      unit: nominal.unit,
      source: sources,
      quality,
      note:
        y === year
          ? `${nominal.id} in ${year} (${anchor.source}): the reference year`
          : `${nominal.id} ${year} (${anchor.source}) chained with ${indexId} ${span(steps[0] as number, steps[steps.length - 1] as number)}; constant ${year} prices`,
    });
  });
  const realAt = new Map(observations.map((o) => [o.year, o]));
  for (const level of levels) {
    const real = realAt.get(level.year);
    if (real === undefined) continue;
    observations.push({
      place: scope,
      indicator: deflatorId,
      year: level.year,
      value: (100 * level.value) / real.value,
      unit: `${year} = 100`,
      source: real.source === level.source ? level.source : `${level.source}+${real.source}`,
      quality: worseQuality(level.quality, real.quality),
      note: `100 × ${nominal.id} (${level.source}) / ${realId}`,
    });
  }
  return { observations, breaks: companionBreaks(dataset, nominal.id, indexId, scope) };
}

/** The integers from `from` to `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

/**
 * The breaks of the derived series of one scope: the index's for both, the indicator's at
 * current prices for the deflator only (a level revision is not a price change).
 */
function companionBreaks(
  dataset: Dataset,
  nominal: string,
  index: string,
  scope: string,
): SeriesBreak[] {
  const applies = (b: SeriesBreak) => b.place === undefined || b.place === scope;
  const ofIndex = dataset.breaks.filter((b) => b.indicator === index && applies(b));
  const ofNominal = dataset.breaks.filter((b) => b.indicator === nominal && applies(b));
  const realId = priceCompanionId(nominal, "real");
  const deflatorId = priceCompanionId(nominal, "deflator");
  const copy = (b: SeriesBreak, indicator: string): SeriesBreak => ({
    indicator,
    place: scope,
    year: b.year,
    reason: `${b.indicator} breaks in ${b.year}: ${b.reason}`,
  });
  return [
    ...ofIndex.map((b) => copy(b, realId)),
    ...[...ofIndex, ...ofNominal].map((b) => copy(b, deflatorId)),
  ];
}
