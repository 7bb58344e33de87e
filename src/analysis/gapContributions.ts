import { cagr } from "../growth/cagr.js";
import { requiredGrowth } from "../growth/requiredGrowth.js";
import { checkString } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { fsum } from "../internal/fsum.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import { assertAssessment } from "../schemas/assertAssessment.js";
import type { Assessment, AssessmentRow } from "../schemas/assessment.js";
import { checkPack } from "../schemas/checkPack.js";
import type { RegionPack } from "../schemas/regionPack.js";
import { CONTRIBUTION_MEASURES, type ContributionMethod } from "./internal/contributionMeasures.js";
import { seriesReader } from "./internal/seriesReader.js";

/** One place's part of a target's gap (see {@link gapContributions}). */
export interface GapContributionPlace {
  readonly place: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The place's term of the target's measure in the base year, observed; null without one. */
  readonly base: number | null;
  /** The place's part of the target: its base-year share of the target value; null without a base. */
  readonly target: number | null;
  /** The place's term in the target year (observed, else projected); null without one. */
  readonly projected: number | null;
  /** projected − target (the sign of the gap: negative holds a `≥` target back); null without either. */
  readonly contribution: number | null;
  /** The place's own latest observation (method `level` only; else null). */
  readonly latest: { readonly year: number; readonly value: number } | null;
  /** Growth a year from `latest` to the place's target (fraction; method `level` only). */
  readonly requiredGrowth: number | null;
  /** Growth a year from `latest` to `projected` (fraction; method `level` only). */
  readonly impliedGrowth: number | null;
  /** False when `projected` rests on a projection that only carries the last value forward. */
  readonly informative: boolean;
  /** Why the place has no contribution (`no observation of gdp in 2020`); null when it has one. */
  readonly missing: string | null;
}

/** The places' contributions to one target's gap (see {@link gapContributions}). */
export interface GapContributionsResult {
  readonly ok: true;
  readonly targetId: string;
  readonly scope: string;
  /** The indicator the places are read on (for a target at constant prices: at current prices). */
  readonly indicator: string;
  /**
   * `level`: the places' levels (a sum); `weighted`: each place's value times its share of the
   * weight (a rate: its points of the group's rate); `share`: each place's share of the whole, in
   * points.
   */
  readonly method: ContributionMethod;
  /**
   * Which judgement of the row the contributions add up to: the row's own, or, for a target at
   * constant prices (whose places have no constant-price series), its judgement at current prices
   * (`row.nominal`).
   */
  readonly judgement: "row" | "nominal";
  readonly baseYear: number;
  readonly year: number;
  /** The unit of the target, the terms and the contributions (points for a share). */
  readonly unit: string;
  readonly target: number;
  /** The scope's projected measure in the target year, as the row (or its nominal judgement) gives it. */
  readonly projected: number;
  /** projected − target, as the row gives it. */
  readonly gap: number;
  /** Every place of the scope, in the pack's order; those without data say what they lack. */
  readonly places: readonly GapContributionPlace[];
  /** Sums over the places with a contribution: base, target (= the target value), projected, contribution. */
  readonly total: {
    readonly base: number;
    readonly target: number;
    readonly projected: number;
    readonly contribution: number;
  };
  /**
   * gap − Σ contributions: the scope's own series against the sum of its places' terms, and the
   * places without data; 0 (up to rounding) when the row sums every place.
   */
  readonly residual: number;
  readonly notes: readonly string[];
}

/** A target whose gap is not shared among places, and why. */
export interface GapContributionsUnavailable {
  readonly ok: false;
  readonly targetId: string;
  readonly reason: string;
}

/** What {@link gapContributions} gives. */
export type GapContributions = GapContributionsResult | GapContributionsUnavailable;

const FN = "gapContributions";

/**
 * Shares a target's projected gap among the places of its scope: each place's contribution is
 * its projected term of the target's measure minus its part of the target, where the target is
 * decomposed in proportion to the places' base-year terms (the "grandfathering" rule of
 * allocation by base-period shares, ICAP, *Allocation*, https://icapcarbonaction.com/en/about-emissions-trading/allocation;
 * in Chinese plan practice, targets 分解 to counties on their base). For a level target summed
 * over places, place target_i = base_i × T / Σ base_j: every place grows by the factor T / Σ base
 * the whole needs over the plan period. For a rate (a ratio or weighted mean), a place's term is
 * its value weighted by its share of the weight (population): w_i·r_i / Σ w_j, its points of the
 * group's rate. For a share target, a place's term is 100 × its level / the whole, its points of
 * the share. In every case Σ target_i = T and Σ contributions = Σ projected_i − T, which is the
 * row's gap less `residual` (the group's own series against the sum of its places).
 *
 * The places' series are the pack's observations (one a year, the best quality grade) and the
 * assessment's projections (`assessPack` gives every place of a group target). A target at
 * constant prices is shared at current prices, against its judgement at current prices.
 *
 * @param pack - the {@link RegionPack} the assessment was made from.
 * @param assessment - an {@link Assessment} of the pack (`assessPack`, `simulatePack`).
 * @param targetId - the id of a row of the assessment.
 * @returns `{ ok: true, places, total, residual, … }`, or `{ ok: false, reason }` when the target
 *   was not judged, its scope is one place, or its measure does not add up over places (growth,
 *   count, rank and class targets; an indicator without aggregation rule).
 * @throws {ArgumentTypeError} `gapContributions: pack must be a region pack (got null)`;
 *   `gapContributions: the assessment does not match AssessmentSchema (rows: …)`;
 *   `gapContributions: targetId must be a string (got 3)`.
 * @throws {ArgumentRangeError} `gapContributions: the assessment is of the pack "other", not
 *   "qujing"`; `gapContributions: targetId must be a target of the assessment; did you mean
 *   "central-city-gdp-share"? (got the string "central-city-share")`.
 * @example
 * const a = assessPack(qujingPack, "trend");
 * const c = gapContributions(qujingPack, a, "central-city-gdp-share");
 * c.ok; // true
 * c.places.map((p) => p.place); // ["qilin", "zhanyi", "malong"]
 * gapContributions(qujingPack, a, "trade-growth").ok; // false
 */
export function gapContributions(
  pack: RegionPack,
  assessment: Assessment,
  targetId: string,
): GapContributions {
  const checkedPack = checkPack(FN, pack);
  assertAssessment(FN, assessment, "one");
  if (assessment.pack !== checkedPack.id)
    throw new ArgumentRangeError(
      `${FN}: the assessment is of the pack "${assessment.pack}", not "${checkedPack.id}"`,
      { code: "out-of-range", path: "assessment" },
    );
  checkString(FN, "targetId", targetId);
  const row = assessment.rows.find((r) => r.targetId === targetId);
  if (row === undefined) {
    const ids = assessment.rows.map((r) => r.targetId);
    const [nearest] = nearestIds(
      normalizeName(targetId),
      ids.map((id) => ({ id, keys: [normalizeName(id)] })),
      1,
    );
    const hint = nearest === undefined ? "" : `; did you mean "${nearest}"?`;
    throw new ArgumentRangeError(
      `${FN}: targetId must be a target of the assessment${hint} (got ${describeValue(targetId)})`,
      { code: "unknown-id", path: "targetId" },
    );
  }
  return contributionsOf(checkedPack, assessment, row);
}

/** The contributions of one row, the arguments checked. */
function contributionsOf(
  pack: RegionPack,
  assessment: Assessment,
  row: AssessmentRow,
): GapContributions {
  const unavailable = (reason: string): GapContributionsUnavailable => ({
    ok: false,
    targetId: row.targetId,
    reason,
  });
  const target = pack.targets.find((t) => t.id === row.targetId);
  if (target === undefined) return unavailable("the pack does not define the target");
  if (row.year === null) return unavailable("the target has no year");
  const nominal = row.basis === "real";
  const judged = nominal ? row.nominal : row;
  if (judged === undefined || judged.projected === null || judged.gap === null)
    return unavailable(
      nominal
        ? "the target at constant prices has no judgement at current prices to share"
        : `the target was not judged (${row.status})`,
    );
  const reader = seriesReader(pack, assessment);
  const found = CONTRIBUTION_MEASURES[target.kind](target, target.indicator, reader);
  if (!found.ok) return unavailable(found.reason);
  const { measure } = found;
  const year = row.year;
  const baseYear = target.baseYear;
  const T = row.target;

  const terms = measure.places.map((place) => {
    const base = measure.term(place, baseYear, true);
    const projected = measure.term(place, year, false);
    const missing =
      base === undefined
        ? `no observation of ${measure.indicator} in ${baseYear}`
        : projected === undefined
          ? `no value of ${measure.indicator} in ${year}, observed or projected`
          : null;
    return { place, base, projected, missing };
  });
  const counted = terms.filter((t) => t.missing === null);
  const baseTotal = fsum(counted.map((t) => t.base as number));
  if (counted.length === 0 || baseTotal === 0)
    return unavailable(
      counted.length === 0
        ? `no place has ${measure.indicator} in both ${baseYear} and ${year}`
        : `the places' terms in ${baseYear} add up to 0`,
    );

  const places = terms.map(({ place, base, projected, missing }): GapContributionPlace => {
    const share = missing === null ? ((base as number) * T) / baseTotal : null;
    const contribution = share === null ? null : (projected as number) - share;
    const latest = measure.latest(place) ?? null;
    const years = latest === null ? 0 : year - latest.year;
    const growthOk =
      latest !== null && years > 0 && latest.value > 0 && share !== null && share > 0;
    return {
      place,
      ...reader.names(place),
      base: base ?? null,
      target: share,
      projected: projected ?? null,
      contribution,
      latest,
      requiredGrowth: growthOk ? requiredGrowth(latest.value, share, years) : null,
      impliedGrowth:
        growthOk && projected !== undefined && projected > 0
          ? cagr(latest.value, projected, years)
          : null,
      informative: projected === undefined ? false : measure.informative(place, year),
      missing,
    };
  });
  const contribution = fsum(places.map((p) => p.contribution ?? 0));
  const notes: string[] = [];
  if (nominal)
    notes.push(
      "shared at current prices, against the target's judgement at current prices: the places have no constant-price series",
    );
  const lacking = places.filter((p) => p.missing !== null).map((p) => p.place);
  if (lacking.length > 0)
    notes.push(
      `the target is shared among the places with data; ${lacking.join(", ")} ${lacking.length === 1 ? "is" : "are"} in the residual`,
    );
  return {
    ok: true,
    targetId: row.targetId,
    scope: row.scope,
    indicator: measure.indicator,
    method: measure.method,
    judgement: nominal ? "nominal" : "row",
    baseYear,
    year,
    unit: row.unit,
    target: T,
    projected: judged.projected,
    gap: judged.gap.absolute,
    places,
    total: {
      base: baseTotal,
      target: fsum(places.map((p) => p.target ?? 0)),
      projected: fsum(counted.map((t) => t.projected as number)),
      contribution,
    },
    residual: judged.gap.absolute - contribution,
    notes,
  };
}
