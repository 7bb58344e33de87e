import { cagr } from "../growth/cagr.js";
import { type ScopeSeries, seriesValue } from "../scenarios/scopeSeries.js";
import type { DataNeed } from "../schemas/assessment.js";
import type { Indicator } from "../schemas/indicator.js";
import { priceCompanionId } from "../schemas/priceCompanionId.js";
import type { Target } from "../schemas/target.js";
import { findSeries } from "./findSeries.js";
import { needSeries } from "./internal/seriesNeeds.js";
import type { TargetContext, TargetEvaluation } from "./targetContext.js";
import type { TargetSeriesRef } from "./targetDefinition.js";

// How a level or growth target of money is judged on its basis (see docs/real-and-nominal.md):
// at current prices on its own indicator, or at constant prices on the series the library
// derives from the indicator's price index (derivePriceSeries).

/** The targets that have a basis. */
type PricedTarget = Extract<Target, { kind: "level" | "growth" }>;

/** The derived series of `indicator` with `role` in the context's dataset, if it was derived. */
export function priceCompanionOf(
  context: Pick<TargetContext, "dataset">,
  indicator: string,
  role: "real" | "deflator",
): Indicator | undefined {
  return context.dataset.indicators.find(
    (i) => i.priceCompanion?.of === indicator && i.priceCompanion.role === role,
  );
}

/**
 * The series a target reads on its basis: on `real`, its indicator at constant prices first,
 * then at current prices and the deflator (the judgement at current prices beside it reads
 * them); otherwise the indicator itself.
 */
export function seriesOnBasis(target: PricedTarget): TargetSeriesRef[] {
  const { scope, indicator } = target;
  if (target.basis !== "real") return [{ scope, indicator }];
  return [
    { scope, indicator: priceCompanionId(indicator, "real") },
    { scope, indicator },
    { scope, indicator: priceCompanionId(indicator, "deflator") },
  ];
}

/** A target as it is judged on its basis, or why it cannot be. */
export type JudgedOnBasis<T extends PricedTarget> =
  | {
      readonly ok: true;
      /** The target on the series it is judged on (the constant-price series on `real`). */
      readonly target: T;
      /**
       * What values of the judged series are multiplied by to be at the prices of `pricesYear`:
       * 1 at current prices, or when the constant-price series is at those prices already; else
       * `deflator(baseYear) / 100`.
       */
      readonly toTargetPrices: number;
      /**
       * The year whose prices the row's levels are at: the target's base year (a growth target's
       * reference year when the base year has no deflator); null at current prices.
       */
      readonly pricesYear: number | null;
    }
  | { readonly ok: false; readonly missing: DataNeed[]; readonly notes: string[] };

/**
 * The target as it is judged on its basis: unchanged at current prices; at constant prices, the
 * same target on the indicator's constant-price series (`<id>_real`), with a level target's value
 * (at constant prices of its base year) restated at the series' reference-year prices when they
 * differ, through the implicit deflator of the base year: `value × 100 / deflator(baseYear)`.
 * When the series is missing, says which observations would give it: the price index, or the
 * indicator's level in the reference year.
 *
 * @param restate - whether the target's value is a level at constant prices (a level target),
 *   which must be restated; a growth rate needs no restatement (its row's levels are brought to
 *   base-year prices when the base year's deflator is known).
 */
export function judgedOnBasis<T extends PricedTarget>(
  target: T,
  context: TargetContext,
  restate: boolean,
): JudgedOnBasis<T> {
  if (target.basis !== "real") return { ok: true, target, toTargetPrices: 1, pricesYear: null };
  const real = priceCompanionOf(context, target.indicator, "real");
  const companion = real?.priceCompanion;
  if (real === undefined || companion === undefined) {
    const declared = context.dataset.indicators.find((i) => i.id === target.indicator)?.prices;
    return {
      ok: false,
      missing: [],
      notes: [
        declared === undefined
          ? `judged at constant prices, but ${target.indicator} declares no price index (prices: { index } on its definition)`
          : `judged at constant prices, but the data hold no constant-price series of ${target.indicator}: derive it with derivePriceSeries (assessPack and simulatePack do)`,
      ],
    };
  }
  const series = findSeries(context, target.scope, real.id);
  if (series === undefined || series.observed.length === 0)
    return { ok: false, missing: realNeeds(context, target, companion), notes: [] };
  const onReal = { ...target, indicator: real.id };
  if (target.baseYear === companion.referenceYear)
    return { ok: true, target: onReal, toTargetPrices: 1, pricesYear: target.baseYear };
  const deflatorId = priceCompanionId(target.indicator, "deflator");
  const deflator = findSeries(context, target.scope, deflatorId)?.observed.find(
    (p) => p.year === target.baseYear,
  );
  // A growth rate is the same at any year's prices: without the base year's deflator, its
  // levels stay at the series' own prices.
  if ((deflator === undefined || !(deflator.value > 0)) && !restate)
    return { ok: true, target: onReal, toTargetPrices: 1, pricesYear: companion.referenceYear };
  if (deflator === undefined || !(deflator.value > 0))
    return {
      ok: false,
      missing: [
        needSeries(
          context,
          target.scope,
          target.indicator,
          1,
          `the level of ${target.indicator} at current prices in the base year ${target.baseYear}, to restate the target (at ${target.baseYear} prices) at the ${companion.referenceYear} prices of ${real.id}`,
          [target.baseYear],
        ),
      ],
      notes: [],
    };
  const toTargetPrices = deflator.value / 100;
  return {
    ok: true,
    target: restate ? { ...onReal, value: target.value / toTargetPrices } : onReal,
    toTargetPrices,
    pricesYear: target.baseYear,
  };
}

/** What a missing constant-price series needs: the index, and the reference year's level. */
function realNeeds(
  context: TargetContext,
  target: PricedTarget,
  companion: NonNullable<Indicator["priceCompanion"]>,
): DataNeed[] {
  const needs: DataNeed[] = [];
  const index = findSeries(context, target.scope, companion.index);
  if (index === undefined || index.observed.length === 0)
    needs.push(
      needSeries(
        context,
        target.scope,
        companion.index,
        2,
        `the price index of ${target.indicator} (previous year = 100), from which its constant-price series is chained`,
      ),
    );
  const level = findSeries(context, target.scope, target.indicator)?.observed.some(
    (p) => p.year === companion.referenceYear,
  );
  if (level !== true)
    needs.push(
      needSeries(
        context,
        target.scope,
        target.indicator,
        1,
        `the level of ${target.indicator} in ${companion.referenceYear}, the year whose prices its constant-price series is in`,
        [companion.referenceYear],
      ),
    );
  return needs;
}

/**
 * The evaluation of a target judged on its basis, as the target's row reports it: its levels at
 * constant prices brought back to its base year's prices (a level's `projected`, `interval` and
 * absolute gap, and any target's latest value, multiplied by `toTargetPrices`; growth rates and
 * progress do not change), a data need on the constant-price series named as the index it is
 * chained from, and a note of the basis.
 */
export function reportedOnBasis<T extends PricedTarget>(
  evaluation: TargetEvaluation,
  judged: Extract<JudgedOnBasis<T>, { ok: true }>,
  original: T,
  context: TargetContext,
): TargetEvaluation {
  if (judged.pricesYear === null) return evaluation;
  const k = judged.toTargetPrices;
  const scaled = (v: number) => v * k;
  const companion = priceCompanionOf(context, original.indicator, "real")?.priceCompanion;
  const index = companion?.index ?? "its price index";
  const latest =
    evaluation.latest === null
      ? null
      : { ...evaluation.latest, value: scaled(evaluation.latest.value) };
  return {
    ...evaluation,
    ...(k === 1 ? {} : { latest }),
    ...(k === 1 || original.kind !== "level"
      ? {}
      : {
          projected: evaluation.projected === null ? null : scaled(evaluation.projected),
          interval:
            evaluation.interval === null
              ? null
              : {
                  ...evaluation.interval,
                  lower: scaled(evaluation.interval.lower),
                  upper: scaled(evaluation.interval.upper),
                },
          gap:
            evaluation.gap === null
              ? null
              : { ...evaluation.gap, absolute: scaled(evaluation.gap.absolute) },
        }),
    missing: evaluation.missing.map((need) =>
      need.indicator === judged.target.indicator
        ? {
            ...need,
            indicator: index,
            why: `${need.why} (${judged.target.indicator} is ${original.indicator} chained with ${index}: more years of the index extend it)`,
          }
        : need,
    ),
    notes: [
      `judged at constant ${judged.pricesYear} prices (real, 可比价): ${original.indicator} chained with ${index}; the judgement at current prices is given beside it`,
      ...evaluation.notes,
    ],
  };
}

/**
 * The indicator at current prices as the judgement beside a real one reads it: its own observed
 * series for the scope, then, after its last observation, the constant-price projection times the
 * projected deflator / 100 (the deflator's own path: the scenario's assumption, or the drift of
 * its log). Undefined, with the reason, when either is missing. Its note gives the deflator's
 * growth a year from its last observation to `noteYear` (default: the scenario's last year).
 */
export function nominalFromReal(
  context: TargetContext,
  scope: string,
  indicator: string,
  noteYear: number = context.projection.scenario.toYear,
): { series: ScopeSeries; notes: string[] } | { reason: string } {
  const realId = priceCompanionId(indicator, "real");
  const deflatorId = priceCompanionId(indicator, "deflator");
  const own = (id: string) =>
    context.projection.series.find(
      (s) => s.scope === scope && s.indicator === id && s.basis === "observed",
    );
  const nominal = own(indicator);
  const real = own(realId);
  const deflator = own(deflatorId);
  const last = nominal?.observed[nominal.observed.length - 1];
  if (nominal === undefined || last === undefined)
    return { reason: `no observation of ${indicator} at current prices for ${scope}` };
  if (real === undefined || deflator === undefined || deflator.observed.length === 0)
    return {
      reason: `no deflator of ${indicator} for ${scope}: it needs years with both ${indicator} and its constant-price series`,
    };
  const years: number[] = [];
  const values: number[] = [];
  for (let year = last.year + 1; year <= context.projection.scenario.toYear; year++) {
    const r = seriesValue(real, year);
    const d = seriesValue(deflator, year);
    if (r === undefined || d === undefined) break;
    years.push(year);
    values.push((r * d) / 100);
  }
  const lastDeflator = deflator.observed[deflator.observed.length - 1] as { year: number };
  const endYear = years.includes(noteYear) ? noteYear : years[years.length - 1];
  const notes: string[] = [];
  if (endYear !== undefined && endYear > lastDeflator.year) {
    const from = seriesValue(deflator, lastDeflator.year) as number;
    const to = seriesValue(deflator, endYear) as number;
    const growth = cagr(from, to, endYear - lastDeflator.year) * 100;
    const fallback = deflator.model?.fitted.fallback;
    notes.push(
      `projected as the constant-price projection × the deflator, ${growth >= 0 ? "+" : ""}${growth.toFixed(1)}% a year ${lastDeflator.year}–${endYear}: ${fallback === undefined ? (deflator.model?.reason ?? "observed") : `held at its last value (${fallback.reason})`}`,
    );
  }
  return {
    series: {
      scope,
      indicator,
      basis: "observed",
      observed: nominal.observed,
      unused: nominal.unused,
      ...(nominal.conflicts === undefined ? {} : { conflicts: nominal.conflicts }),
      years,
      values,
      informative: real.informative,
      notes,
    },
    notes,
  };
}
