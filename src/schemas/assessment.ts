import * as z from "zod";
import { IssueSchema } from "./issue.js";
import { IdSchema } from "./place.js";
import { SchemaVersionSchema } from "./schemaVersion.js";
import { ComparatorSchema } from "./target.js";

/**
 * Status of a target, with the terms of Chinese mid-term plan evaluations beside them:
 * - `achieved` 已完成: the latest observation already meets the target;
 * - `on-track` 符合序时进度: projected to be met in the target year (probability ≥ 0.5 when simulated);
 * - `needs-acceleration` 需加快进度: projected to miss, but the growth still required exceeds the
 *   growth the scenario implies by at most 2 percentage points a year (for a rate: the change
 *   required exceeds the change implied by at most 0.5 percentage points a year), or, when
 *   simulated, the probability is in [0.2, 0.5);
 * - `off-track` 预计难以完成: projected to miss by more than that;
 * - `insufficient-data` 数据不足: cannot be evaluated; `missing` lists what would make it evaluable.
 */
export const StatusSchema = z.enum([
  "achieved",
  "on-track",
  "needs-acceleration",
  "off-track",
  "insufficient-data",
]);
export type Status = z.infer<typeof StatusSchema>;

/** Chinese label of each status, as used in mid-term evaluations. */
export const STATUS_ZH: Readonly<Record<Status, string>> = {
  achieved: "已完成",
  "on-track": "符合序时进度",
  "needs-acceleration": "需加快进度",
  "off-track": "预计难以完成",
  "insufficient-data": "数据不足",
};

/** An observation that would make a target evaluable. */
export const DataNeedSchema = z.object({
  scope: IdSchema,
  indicator: IdSchema,
  /** Years needed; at least `minCount` of them. */
  years: z.array(z.number().int()),
  minCount: z.number().int().positive(),
  /**
   * Of `years`, those needed whatever the others, where the need merges several and the count
   * alone does not say so (a growth target's base year beside "at least 2 of 2015–2024"); set
   * only on the merged needs of `Assessment.readiness`.
   */
  requiredYears: z.array(z.number().int()).optional(),
  why: z.string(),
});
export type DataNeed = z.infer<typeof DataNeedSchema>;

const nullableNumber = z.number().finite().nullable();

/** The latest observation of a row's measured series. */
const LatestSchema = z
  .object({ year: z.number().int(), value: z.number().finite(), source: z.string() })
  .nullable();

/** Gap of a row: projected − target, absolute and relative. */
const GapSchema = z
  .object({ absolute: z.number().finite(), relative: z.number().finite().nullable() })
  .nullable();

/**
 * A target judged at constant prices (`basis: "real"`), judged again at current prices beside
 * it: the same target's measure on the indicator at current prices, whose projection is the real
 * projection times the projected deflator (see docs/real-and-nominal.md). Its status rests on
 * that projection alone (a simulation runs on the real series).
 */
export const NominalJudgementSchema = z.object({
  /** Latest observation at current prices. */
  latest: LatestSchema,
  /** Projected measure at current prices (a level in the target's unit, a growth in % a year). */
  projected: nullableNumber,
  met: z.boolean().nullable(),
  gap: GapSchema,
  requiredGrowth: nullableNumber,
  impliedGrowth: nullableNumber,
  status: StatusSchema,
  statusZh: z.string(),
  /** How the current-price path was made (the deflator's path) and why it is missing, if it is. */
  notes: z.array(z.string()),
});
export type NominalJudgement = z.infer<typeof NominalJudgementSchema>;

/** One row of an assessment: one target under one scenario. */
export const AssessmentRowSchema = z.object({
  targetId: IdSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  scenario: IdSchema,
  kind: z.enum(["level", "growth", "share", "count", "rank", "class"]),
  scope: IdSchema,
  indicator: IdSchema,
  year: z.number().int().nullable(),
  comparator: ComparatorSchema,
  target: z.number().finite(),
  unit: z.string(),
  /**
   * The prices the row is judged at: `real` (constant prices; `latest`, `projected`, `gap` and
   * the growth fields are of the series at constant prices, and `nominal` gives the judgement
   * at current prices beside it) or `nominal`. Absent in documents written before it existed,
   * and for kinds that have no basis: current prices.
   */
  basis: z.enum(["real", "nominal"]).optional(),
  /** Projected value of the target's measure in its year (growth as % a year, share as %, …). */
  projected: nullableNumber,
  /** Prediction interval of `projected` where the model gives one. */
  interval: z
    .object({ lower: z.number().finite(), upper: z.number().finite(), level: z.number() })
    .nullable(),
  met: z.boolean().nullable(),
  /**
   * projected − target (absolute, in the target's unit) and (projected − target) / |target|
   * (null for a target of 0).
   */
  gap: z
    .object({ absolute: z.number().finite(), relative: z.number().finite().nullable() })
    .nullable(),
  /** Latest observation of the measured series. */
  latest: z
    .object({ year: z.number().int(), value: z.number().finite(), source: z.string() })
    .nullable(),
  /** Growth a year still required from the latest observation to meet the target (fraction). */
  requiredGrowth: nullableNumber,
  /** Growth a year the scenario implies from the latest observation to the target year (fraction). */
  impliedGrowth: nullableNumber,
  /**
   * For a rate (an indicator of kind `rate`, in %): the change a year still required from the
   * latest observation, in percentage points a year (49.03% → 60% over 5 years: 2.19). Null for
   * levels. Optional in documents written before it existed.
   */
  requiredChange: nullableNumber.optional(),
  /** For a rate: the change a year the scenario implies, in percentage points a year. */
  impliedChange: nullableNumber.optional(),
  /**
   * How the row's change reads: `"pp/yr"` for a rate (`requiredChange`/`impliedChange`, which the
   * status compares), `"/yr"` for a level (`requiredGrowth`/`impliedGrowth`, fractions a year),
   * null when there is neither.
   */
  changeUnit: z.enum(["pp/yr", "/yr"]).nullable().optional(),
  /**
   * For a share target (a part of a whole): the growth differential a year the part still needs
   * over the rest of the whole, as a fraction, in the sense (1 + g_part) / (1 + g_rest) =
   * 1 + d, from the latest observed share s₀ (year t₀) to the target s* in year T:
   * d = (r* / r₀)^(1 / (T − t₀)) − 1 with r = s / (1 − s) (44% → 65% in 4 years: 0.2399, "the
   * part must grow 24% a year faster than the rest"). Null once the target year is observed or
   * when a share is not in (0, 100%). Absent for other kinds and in documents written before it
   * existed.
   */
  requiredDifferential: nullableNumber.optional(),
  /** For a share target: the differential a year the projected share in the target year implies. */
  impliedDifferential: nullableNumber.optional(),
  /** First projected (or observed) year in which the target condition holds. */
  firstYearMet: z.number().int().nullable(),
  /** 序时进度: share of the plan period elapsed at the latest observation (0–1). */
  expectedProgress: nullableNumber,
  /** Share of the way from the base-year value to the target covered by the latest observation. */
  actualProgress: nullableNumber,
  /** Probability of attainment, when a simulation was run. */
  probability: nullableNumber,
  status: StatusSchema,
  /**
   * What the status rests on: `probability` (the simulated probability's bands) when a
   * simulation gave one and the data have not decided the target; otherwise `projection`. See
   * docs/assessment.md, "Status and its basis".
   */
  statusBasis: z.enum(["projection", "probability"]).optional(),
  statusZh: z.string(),
  /** What would make the target evaluable (empty when it is). */
  missing: z.array(DataNeedSchema),
  notes: z.array(z.string()),
  /** For a row on `basis: "real"`: the judgement at current prices beside it (else absent). */
  nominal: NominalJudgementSchema.optional(),
});
export type AssessmentRow = z.infer<typeof AssessmentRowSchema>;

/** A group value observed directly and the same value aggregated from its places. */
export const DiscrepancySchema = z.object({
  scope: IdSchema,
  indicator: IdSchema,
  year: z.number().int(),
  observed: z.number().finite(),
  aggregated: z.number().finite(),
  /** (aggregated − observed) / observed. */
  relative: z.number().finite(),
  placesWithData: z.array(IdSchema),
});
export type Discrepancy = z.infer<typeof DiscrepancySchema>;

/** Regional disparity of one per-capita indicator across the places in one year. */
export const DisparityRowSchema = z.object({
  indicator: IdSchema,
  /**
   * The indicator the places are compared on in this year: `indicator`, or the earlier basis it
   * declares (`Indicator.earlierBasis`, e.g. GDP per household-registered person before the 2020
   * census) before its break. Absent in documents written before it existed (then `indicator`).
   */
  compared: IdSchema.optional(),
  year: z.number().int(),
  /**
   * `observed`: a year up to the indicator's latest year with data, compared on observed values
   * only; `projected`: a later year, compared on the projected series (models that carry
   * information about change).
   */
  basis: z.enum(["observed", "projected"]),
  /**
   * Weighted CV (Williamson), Theil T, Gini, max/min ratio over the places that have a value
   * (`values`); null when fewer than two have one.
   */
  measures: z
    .object({
      n: z.number().int(),
      mean: z.number().finite(),
      cv: z.number().finite(),
      weightedCv: z.number().finite(),
      theil: z.number().finite(),
      gini: z.number().finite(),
      maxMinRatio: z.number().finite(),
    })
    .nullable(),
  /** Each compared place's value and weight (the ratio's denominator, e.g. population). */
  values: z.array(
    z.object({ place: IdSchema, value: z.number().finite(), weight: z.number().finite() }),
  ),
  /**
   * The places left out of the measures for want of a value or weight in the year (`missing`
   * says which observations would bring them in). Absent in documents written before it existed.
   */
  leftOut: z.array(IdSchema).optional(),
  /** The places with the lowest and highest value. */
  lowest: IdSchema.nullable(),
  highest: IdSchema.nullable(),
  missing: z.array(DataNeedSchema),
  /**
   * Set on the first year compared on the indicator's own basis after years on its earlier basis
   * (`from` is the earlier basis, `reason` the declaration's), and on an observed year where a
   * declared series break of the compared indicator or one of its parts starts for a compared
   * place (`from` is the compared indicator itself, `reason` names the part, the places and the
   * break's reason): values before and after are not comparable level for level. Null or absent
   * otherwise.
   */
  break: z.object({ from: IdSchema, reason: z.string() }).nullable().optional(),
});
export type DisparityRow = z.infer<typeof DisparityRowSchema>;

/** One target's distribution over the simulated paths, at the run's quantile levels. */
export const SimulatedTargetSchema = z.object({
  targetId: IdSchema,
  /** The year the measure and the probability refer to (the target year, or its window's end). */
  evaluatedYear: z.number().int(),
  probability: z.number().min(0).max(1),
  /** Monte Carlo standard error of `probability`. */
  standardError: z.number().finite().min(0),
  /**
   * The threshold of the target's (first) condition in `evaluatedYear`, in the measure's unit:
   * the row's `target` when the measure is in the target's unit (not for a rank, measured as a
   * ratio to the reference); null when there is none.
   */
  threshold: z.number().finite().nullable(),
  /** The target's measure (in its condition's unit) in `evaluatedYear`, one value a level. */
  measure: z.array(z.number().finite()),
  /** Probability of each first year met, and of never within the window; they add up to 1. */
  firstYearMet: z.object({
    years: z.array(z.number().int()),
    probabilities: z.array(z.number().min(0).max(1)),
    never: z.number().min(0).max(1),
  }),
  /** Fan chart of the measured series by year (`quantiles[t][k]`); null for a ratio or a sum. */
  fan: z
    .object({
      scope: IdSchema,
      indicator: IdSchema,
      years: z.array(z.number().int()),
      quantiles: z.array(z.array(z.number().finite())),
    })
    .nullable(),
});
export type SimulatedTarget = z.infer<typeof SimulatedTargetSchema>;

/**
 * The projection of one place's or group's indicator that a target or the disparity reads: the
 * projected years only (after the series' latest observation, which the rows carry), with the
 * prediction interval where the model gives one and the model that made it.
 */
export const ProjectedSeriesSchema = z.object({
  scope: IdSchema,
  indicator: IdSchema,
  /** `observed`: projected from the scope's own observations; `places`: summed over its places. */
  basis: z.enum(["observed", "places"]),
  /** Projected years, ascending, all after the latest observation used. */
  years: z.array(z.number().int()),
  values: z.array(z.number().finite()),
  /** Lower and upper bounds of the prediction interval, one per year; null without an interval. */
  lower: z.array(z.number().finite().nullable()).nullable(),
  upper: z.array(z.number().finite().nullable()).nullable(),
  /**
   * False when the values carry no information about change (a no-change fallback the scenario
   * did not ask for, or an aggregate of such places): shown, but not used to judge a target.
   */
  informative: z.boolean(),
  /** Coverage of the interval (0.8 for 80%); null without an interval. */
  level: z.number().min(0).max(1).nullable(),
  /**
   * The model's kinds — the one the scenario asked for (`auto`, `theta`, …) and the one fitted —
   * the scenario's reason, and why a fallback was taken (null when none); null for a series
   * aggregated from places, which has no model of its own.
   */
  model: z
    .object({
      requested: z.string(),
      fitted: z.string(),
      reason: z.string(),
      fallback: z.string().nullable(),
    })
    .nullable(),
});
export type ProjectedSeries = z.infer<typeof ProjectedSeriesSchema>;

/**
 * One row of the place table (各县（市、区）) of an indicator declared `placeTable`: a place's or
 * group's latest observation, its value in the plan's last year (projected, with the model's
 * interval), the growth a year between them, its share of the whole (the group of every place)
 * observed and projected, and its latest per-capita value with the basis it is on.
 */
export const PlaceTableRowSchema = z.object({
  scope: IdSchema,
  /** A county-level `place`, or a `group` of places. */
  kind: z.enum(["place", "group"]),
  nameZh: z.string(),
  nameEn: z.string(),
  indicator: IdSchema,
  unit: z.string(),
  /** Latest observation of the scope's series; null without one. */
  latest: z
    .object({ year: z.number().int(), value: z.number().finite(), source: z.string() })
    .nullable(),
  /** The year of `projected` (the plan's last year). */
  year: z.number().int(),
  /** Value in `year`: the observation when there is one, else the projection; null without either. */
  projected: nullableNumber,
  /** Prediction interval of `projected` where the model gives one. */
  interval: z
    .object({ lower: z.number().finite(), upper: z.number().finite(), level: z.number() })
    .nullable(),
  /** Growth a year from the latest observation to `projected` (fraction); null when `year` is observed. */
  impliedGrowth: nullableNumber,
  /**
   * Share of the whole (`whole`: the group of every place) in %: in the latest observation's year
   * (where the whole is observed then too) and in `year`; null when the pack has no such group.
   */
  share: z
    .object({
      whole: IdSchema,
      latestYear: z.number().int().nullable(),
      latest: nullableNumber,
      projected: nullableNumber,
    })
    .nullable(),
  /**
   * Latest observed per-capita value: of the ratio indicator with this one as numerator
   * (`indicator`), on the basis of its year (`compared`: the indicator itself, or its declared
   * earlier basis), whose denominator is `denominator`; null without one.
   */
  perCapita: z
    .object({
      indicator: IdSchema,
      compared: IdSchema,
      denominator: IdSchema,
      unit: z.string(),
      year: z.number().int(),
      value: z.number().finite(),
    })
    .nullable(),
  /**
   * Where the values come from: `observed`, the scope's own series (with its model); `places`,
   * summed from its places (no model of its own, no interval); null without a series.
   */
  seriesBasis: z.enum(["observed", "places"]).nullable(),
  /** The model that made the projection (as in `ProjectedSeriesSchema`); null for `places`. */
  model: z
    .object({
      requested: z.string(),
      fitted: z.string(),
      reason: z.string(),
      fallback: z.string().nullable(),
    })
    .nullable(),
  /** False when the projection carries no information about change (a no-change fallback). */
  informative: z.boolean(),
});
export type PlaceTableRow = z.infer<typeof PlaceTableRowSchema>;

/** The assessment of every target of a pack under one scenario. */
export const AssessmentSchema = z.object({
  /** Version of the assessment format (`SCHEMA_VERSION`); every assessment regionsim builds has it. */
  schemaVersion: SchemaVersionSchema.optional(),
  pack: IdSchema,
  scenario: IdSchema,
  scenarioName: z.string(),
  /** Latest year with any observation used. */
  asOf: z.number().int(),
  rows: z.array(AssessmentRowSchema),
  discrepancies: z.array(DiscrepancySchema),
  /** Every observation that would make an `insufficient-data` target evaluable, deduplicated. */
  readiness: z.array(DataNeedSchema),
  /**
   * Disparity between places (缩小区域发展差距) for per-capita indicators: every year with data,
   * the plan's base and last years, and the projected years after the data through the plan's
   * last year.
   */
  disparity: z.array(DisparityRowSchema).optional(),
  /**
   * The projected series that the targets and the disparity read, each once, by scope then
   * indicator. Optional in documents written before it existed.
   */
  projections: z.array(ProjectedSeriesSchema).optional(),
  /**
   * The place table (各县（市、区）) of each indicator declared `placeTable`: one row per place,
   * then per group, by indicator. Absent when no such indicator has place data, and in documents
   * written before it existed.
   */
  placeTable: z.array(PlaceTableRowSchema).optional(),
  issues: z.array(IssueSchema),
  /** Present when probabilities come from a Monte Carlo run: its size, seed and first year. */
  simulation: z
    .object({
      paths: z.number().int().positive(),
      seed: z.number().int(),
      baseYear: z.number().int(),
      /** Quantile levels (fractions) of every quantile list in `targets`. */
      quantiles: z.array(z.number().min(0).max(1)).optional(),
      /** The distribution of each simulated target over the paths (the CLI's `--paths` fills it). */
      targets: z.array(SimulatedTargetSchema).optional(),
    })
    .optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
