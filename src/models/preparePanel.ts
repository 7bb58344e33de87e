import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
  checkString,
} from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import type { ModelScale } from "../schemas/indicator.js";
import { checkFitOptions, checkSeries } from "./checkModelArgs.js";
import { scaledValues } from "./internal/scaledValues.js";
import { DEFAULT_LOGIT_BOUNDS } from "./modelScale.js";
import {
  MIN_PANEL_UNITS,
  type PanelSummary,
  summariseMoments,
  type UnitMoments,
  unitMoments,
} from "./panelMoments.js";
import type { Series } from "./types.js";

export type { PanelSummary } from "./panelMoments.js";

/** Options of {@link preparePanel}: the modelling scale, as {@link fitModel} takes it. */
export interface PanelOptions {
  /** Modelling scale; default from `kind` (log for levels, logit for rates, linear for counts), else log. */
  readonly scale?: ModelScale;
  /** The indicator's kind, which sets the default scale. */
  readonly kind?: "level" | "rate" | "count";
  /** Bounds of a logit-scale panel, default `[0, 100]`. */
  readonly bounds?: readonly [number, number];
}

/** The modelling scale of fit or panel options: `scale`, else the indicator kind's, else log. */
export function scaleOfOptions(options: PanelOptions): ModelScale {
  if (options.scale !== undefined) return options.scale;
  if (options.kind === "rate") return "logit";
  if (options.kind === "count") return "linear";
  return "log";
}

/**
 * Summarises what comparable units show about growth and volatility, for {@link fitModel}'s
 * `panel` option (empirical Bayes shrinkage of a short series toward its peers). Compact plain
 * JSON, so a data pack can embed the summary instead of the panel.
 *
 * Each series is moved to the modelling scale (log for levels, logit for rates, linear); its
 * changes between consecutive observed points **within one segment** (never across a break) give
 * its mean yearly growth g_i = ΣΔy/ΣΔt over T_i = ΣΔt years and, with two changes or more, the
 * variance s_i² of a yearly change around g_i on d_i = changes − 1 degrees of freedom. Then, by
 * the method of moments:
 *
 * - **Volatility** — a scaled-inverse-χ² prior σ² ~ ν0·s0²/χ²(ν0) fitted to the s_i² as in
 *   G. K. Smyth (2004), "Linear models and empirical Bayes methods for assessing differential
 *   expression in microarray experiments", Statistical Applications in Genetics and Molecular
 *   Biology 3(1), art. 3, §6.2: with e_i = ln s_i² − ψ(d_i/2) + ln(d_i/2), ψ′(ν0/2) = var(e) −
 *   mean ψ′(d_i/2) and s0² = exp(mean e + ψ(ν0/2) − ln(ν0/2)). When the variances vary no more
 *   than sampling explains, ν0 = ∞, stored as 10,000. A unit's moderated variance is
 *   (ν0·s0² + d·s²)/(ν0 + d).
 * - **Growth** — μ = mean of g_i over units, τ² = max(0, var(g_i) − mean(s̃_i²/T_i)), the
 *   unweighted method-of-moments estimator of a between-unit variance (L. V. Hedges (1983), "A
 *   random effects model for effect sizes", Psychological Bulletin 93(2), 388–395; cf.
 *   R. DerSimonian & N. Laird (1986), "Meta-analysis in clinical trials", Controlled Clinical
 *   Trials 7, 177–188), s̃_i² the unit's moderated variance.
 *
 * Units without a change within a segment add nothing; units with a single change add growth but
 * no variance. Which units are comparable is the caller's choice; {@link comparableUnits} applies
 * the documented rule.
 *
 * @param series - the comparable units' series `{ years, values, breaks? }` (not the series to
 *   forecast itself), at least 3 with two or more changes within a segment.
 * @param options - `scale` (`"log"`, `"logit"`, `"linear"`), `kind` or `bounds`, as for fitModel.
 * @throws {ArgumentTypeError} `preparePanel: series must be an array of series { years, values }
 *   (got nothing)`, a malformed series (`preparePanel: series[2].values must be an array of
 *   numbers (got …)`), unknown options.
 * @throws {ArgumentRangeError} a series that breaks the series contract (`preparePanel:
 *   series[0].years[1] must be a year after 2020, years strictly increasing (got 2020)`), a value
 *   outside the scale's domain (`preparePanel: series[1].values[0] must be a positive number on
 *   the log scale (got -3 in 2019)`), or too few usable units (`preparePanel: series must hold at
 *   least 3 units with two or more changes within a segment (got 2)`).
 * @example
 * const panel = preparePanel(
 *   [
 *     { years: [2019, 2020, 2021], values: [100, 110, 120] },
 *     { years: [2019, 2020, 2021], values: [50, 52, 55] },
 *     { years: [2019, 2020, 2021], values: [80, 90, 97] },
 *   ],
 *   { scale: "log" },
 * );
 * panel.growth.units; // 3
 */
export function preparePanel(series: readonly Series[], options: PanelOptions = {}): PanelSummary {
  checkFitOptions("preparePanel", "options", options);
  const scale = scaleOfOptions(options);
  return summariseSeries(
    "preparePanel",
    "series",
    series,
    scale,
    options.bounds ?? DEFAULT_LOGIT_BOUNDS,
  );
}

/** The summary of a panel given as series, errors naming `fn` and `path`. */
function summariseSeries(
  fn: string,
  path: string,
  series: unknown,
  scale: ModelScale,
  bounds: readonly [number, number],
): PanelSummary {
  const list = checkArrayOf(
    fn,
    path,
    series,
    (at, s) => checkSeries(fn, at, s),
    "an array of series { years, values }",
  );
  const moments = list.map((s, i) => seriesMoments(fn, `${path}[${i}]`, s, scale, bounds));
  const summary = summariseMoments(moments, scale, bounds);
  if (summary === undefined) {
    const usable = moments.filter((m) => m.e !== undefined).length;
    throw new ArgumentRangeError(
      `${fn}: ${path} must hold at least ${MIN_PANEL_UNITS} units with two or more changes within a segment and a positive variance (got ${usable})`,
      { code: "out-of-range", path },
    );
  }
  return summary;
}

/**
 * The `panel` option of a fit as a summary on the fit's scale: series are summarised, a summary
 * is checked (shape, and the same scale and bounds as the fit).
 */
export function resolvePanel(
  fn: string,
  path: string,
  panel: unknown,
  scale: ModelScale,
  bounds: readonly [number, number],
): PanelSummary {
  if (Array.isArray(panel)) return summariseSeries(fn, path, panel, scale, bounds);
  const expected = "an array of series or a summary preparePanel returned";
  const p = checkObject(fn, path, panel, expected);
  checkOneOf(fn, `${path}.kind`, p.kind, ["panel-summary"]);
  const panelScale = checkOneOf(fn, `${path}.scale`, p.scale, ["log", "logit", "linear"]);
  const sameBounds =
    scale !== "logit" ||
    (Array.isArray(p.bounds) && p.bounds[0] === bounds[0] && p.bounds[1] === bounds[1]);
  if (panelScale !== scale || !sameBounds)
    throw new ArgumentRangeError(
      `${fn}: ${path}.scale must be the fit's scale, "${scale}"${scale === "logit" ? ` on [${bounds.join(", ")}]` : ""} (got "${panelScale}"${panelScale === "logit" ? ` on ${JSON.stringify(p.bounds)}` : ""})`,
      { code: "out-of-range", path: `${path}.scale` },
    );
  const g = checkObject(
    fn,
    `${path}.growth`,
    p.growth,
    "an object { mean, betweenVariance, units }",
  );
  checkNumber(fn, `${path}.growth.mean`, g.mean);
  checkNumber(fn, `${path}.growth.betweenVariance`, g.betweenVariance, { min: 0 });
  checkNumber(fn, `${path}.growth.units`, g.units, { integer: true, min: MIN_PANEL_UNITS });
  const v = checkObject(
    fn,
    `${path}.volatility`,
    p.volatility,
    "an object { priorDf, priorVariance, units }",
  );
  checkNumber(fn, `${path}.volatility.priorDf`, v.priorDf, { positive: true });
  checkNumber(fn, `${path}.volatility.priorVariance`, v.priorVariance, { positive: true });
  checkNumber(fn, `${path}.volatility.units`, v.units, { integer: true, min: MIN_PANEL_UNITS });
  return panel as PanelSummary;
}

/** One series' moments on the scale; a value outside the scale's domain is refused. */
export function seriesMoments(
  fn: string,
  path: string,
  s: Series,
  scale: ModelScale,
  bounds: readonly [number, number],
): UnitMoments {
  const { y, breaks } = scaledValues(fn, path, s, scale, bounds);
  return unitMoments(s.years, y, breaks);
}

/** A unit of a panel with what the comparability rule reads. */
export interface PanelUnit {
  /** Unique identifier (e.g. an administrative code); the target itself is left out by it. */
  readonly id: string;
  /** Level of the unit, e.g. `"county"` or `"prefecture"`; units of another level are never comparable. */
  readonly level?: string;
  /** Province (or any enclosing region) of the unit. */
  readonly province?: string;
  /** Size, e.g. GDP or population in the base year (positive); compared as a ratio. */
  readonly size?: number;
  readonly series: Series;
}

/** Options of {@link comparableUnits}. */
export interface ComparableOptions {
  /** Fewest units a scope must hold to be used; default 30. */
  readonly minUnits?: number;
  /** Units of similar size are within this factor of the target's size; default 4. */
  readonly sizeRatio?: number;
}

/** What {@link comparableUnits} picked and why. */
export interface ComparableSelection {
  readonly units: PanelUnit[];
  /** `"province"` (same province) or `"nation"` (every unit of the level). */
  readonly scope: "province" | "nation";
  /** Whether the size band was applied. */
  readonly sized: boolean;
}

/**
 * Picks the units comparable to `target` from a panel, by the documented rule (docs/models.md,
 * *Borrowing strength*): never the target itself (same `id`); only units of the same `level`;
 * then the first of these scopes that holds at least `minUnits` units — same province and similar
 * size (within a factor `sizeRatio` of the target's `size`), same province, the nation and
 * similar size, the nation. A rule of thumb in the spirit of "borrowing strength" from the most
 * similar units first (B. Efron & C. Morris (1975), "Data analysis using Stein's estimator and
 * its generalizations", JASA 70(350), 311–319, who shrink toward a group's own mean); the
 * shrinkage itself estimates how much the chosen units differ (τ²).
 *
 * @param target - `{ id, level?, province?, size? }` of the unit to forecast.
 * @param units - the panel's units `{ id, level?, province?, size?, series }`.
 * @param options - `minUnits` (integer ≥ 3, default 30), `sizeRatio` (> 1, default 4).
 * @throws {ArgumentTypeError} a target or unit that is not an object, an id that is not a
 *   string, unknown options.
 * @throws {ArgumentRangeError} `comparableUnits: options.sizeRatio must be a finite number > 1
 *   (got 1)`, a size that is not positive, fewer than `minUnits` units of the level.
 * @example
 * const unit = (id: string, province: string) => ({
 *   id, level: "county", province, series: { years: [2020, 2021], values: [1, 2] },
 * });
 * const units = ["a", "b", "c", "d"].map((id) => unit(id, "53")).concat([unit("e", "52")]);
 * comparableUnits({ id: "a", level: "county", province: "53" }, units, { minUnits: 3 }).scope; // "province"
 */
export function comparableUnits(
  target: Omit<PanelUnit, "series">,
  units: readonly PanelUnit[],
  options: ComparableOptions = {},
): ComparableSelection {
  const fn = "comparableUnits";
  checkPanelUnit(fn, "target", target, false);
  checkArrayOf(
    fn,
    "units",
    units,
    (path, u) => checkPanelUnit(fn, path, u, true),
    "an array of units { id, series }",
  );
  const o = checkOptions(fn, "options", options, ["minUnits", "sizeRatio"]);
  const minUnits =
    o.minUnits === undefined
      ? 30
      : checkNumber(fn, "options.minUnits", o.minUnits, { integer: true, min: MIN_PANEL_UNITS });
  const ratio =
    o.sizeRatio === undefined
      ? 4
      : checkNumber(fn, "options.sizeRatio", o.sizeRatio, { expected: "a finite number > 1" });
  if (!(ratio > 1))
    throw new ArgumentRangeError(
      `${fn}: options.sizeRatio must be a finite number > 1 (got ${ratio})`,
      {
        code: "out-of-range",
        path: "options.sizeRatio",
      },
    );
  const pool = units.filter(
    (u) => u.id !== target.id && (target.level === undefined || u.level === target.level),
  );
  const similar = (u: PanelUnit) =>
    target.size !== undefined &&
    u.size !== undefined &&
    Math.abs(Math.log(u.size / target.size)) <= Math.log(ratio);
  const province = pool.filter(
    (u) => target.province !== undefined && u.province === target.province,
  );
  const scopes: ComparableSelection[] = [
    { units: province.filter(similar), scope: "province", sized: true },
    { units: province, scope: "province", sized: false },
    { units: pool.filter(similar), scope: "nation", sized: true },
    { units: pool, scope: "nation", sized: false },
  ];
  const chosen = scopes.find((s) => s.units.length >= minUnits);
  if (chosen === undefined)
    throw new ArgumentRangeError(
      `${fn}: units must hold at least ${minUnits} units of the target's level other than the target (got ${pool.length})`,
      { code: "out-of-range", path: "units" },
    );
  return chosen;
}

function checkPanelUnit(fn: string, path: string, value: unknown, withSeries: boolean): void {
  const u = checkObject(fn, path, value, withSeries ? "a unit { id, series }" : "a unit { id }");
  checkString(fn, `${path}.id`, u.id, { nonEmpty: true });
  if (u.level !== undefined) checkString(fn, `${path}.level`, u.level);
  if (u.province !== undefined) checkString(fn, `${path}.province`, u.province);
  if (u.size !== undefined) checkNumber(fn, `${path}.size`, u.size, { positive: true });
  if (withSeries) checkSeries(fn, `${path}.series`, u.series);
}
