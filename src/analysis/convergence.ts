import { assessDisparity } from "../assessment/assessDisparity.js";
import { buildTargetContext } from "../assessment/buildTargetContext.js";
import { checkAssessArgs } from "../assessment/checkAssessArgs.js";
import { packDataset } from "../assessment/packDataset.js";
import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
} from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import { projectCheckedScenario, type ScenarioProjection } from "../scenarios/projectScenario.js";
import { resolveScenario } from "../scenarios/resolveScenario.js";
import type { DisparityRow } from "../schemas/assessment.js";
import type { Dataset } from "../schemas/dataset.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { type BetaConvergence, type BetaPlace, betaConvergence } from "./betaConvergence.js";
import type { ConvergenceControl, ConvergenceOptions } from "./convergenceOptions.js";
import type { BetaResults, Convergence, ConvergenceWindow } from "./convergenceResult.js";
import { crossedBreaks, longestWindow, placesAtBothEnds } from "./internal/betaWindow.js";
import { controlValues } from "./internal/controlValues.js";
import { type SigmaRow, sigmaOf } from "./sigmaConvergence.js";

const FN = "convergence";

/** The indicator compared by default: GDP per capita, the plan's measure of regional gaps. */
const DEFAULT_INDICATOR = "gdp_per_capita";
/** The group taken as the centre by default (the plan's 中心城市). */
const DEFAULT_CENTRE = "central-city";
/** The fewest places a β window needs: two coefficients and one residual degree of freedom. */
const MIN_BETA_PLACES = 3;

/**
 * Convergence of a per-capita indicator (GDP per capita by default) across the places of a
 * region pack under a scenario — whether the gaps the plan means to narrow (缩小区域发展差距)
 * narrow:
 *
 * - σ-convergence (see `sigmaConvergence`): per year with data and per projected year through
 *   `options.through`, over the places that have a value (n of N), the CV, Williamson's weighted
 *   CV and Theil's T split between the centre and the rest, the comparable segments between
 *   series breaks and changes of places, and the CV's OLS slope per year in each.
 * - β-convergence (see `betaConvergence`): unconditional over the longest window of observed
 *   years that crosses no series break (or `options.window`), conditional on `options.controls`
 *   in the window's first year, and the β the scenario's projections imply after the data.
 *
 * The dispersion and the places' values are those of the assessment's regional disparity
 * (`assessDisparity`: observed values up to the latest year with data, projected ones after).
 * Methods: Barro and Sala-i-Martin (1992), Sala-i-Martin (1996), Williamson (1965), Theil (1967),
 * Shorrocks (1980); see docs/convergence.md.
 *
 * @param pack - the region pack (checked as `assessPack` checks it).
 * @param scenario - a named scenario's id, or a scenario object.
 * @param options - `indicator`, `centre`, `through`, `window`, `controls`, `data`, `strict` (see
 *   {@link ConvergenceOptions}).
 * @throws {ArgumentTypeError} as `assessPack` for the pack, scenario and data;
 *   `convergence: options.window must be two years [from, to] (got 2000)`,
 *   `convergence: options.controls[0] must be a control { indicator, per? } or { name, values } (got 3)`.
 * @throws {ArgumentRangeError} `convergence: options.indicator must be an indicator places are
 *   compared on (gdp_per_capita, …); did you mean "gdp_per_capita"? (got the string "gdp_percap")`;
 *   `convergence: options.indicator must be given: the pack has no gdp_per_capita to compare
 *   places on (it compares urbanization)`;
 *   `convergence: options.centre must be a group or place of the pack (…); did you mean "qilin"?
 *   (got the string "qiln")`; `convergence: options.centre must be given: the pack has no group
 *   central-city (its groups and places: …)`;
 *   `convergence: options.through must be an integer ≤ 2035 (got 2040)` (the scenario's `toYear`);
 *   `convergence: options.window must be two years [from, to] with from before to (got …)`;
 *   `convergence: options.window must be two observed years of gdp_per_capita, from before to
 *   (got [2000, 2030]; observed: 2000–2021)`;
 *   `convergence: options.controls[0].indicator must be an indicator of the pack (got …)`.
 * @example
 * const c = convergence(qujingPack, "trend");
 * c.beta.window; // { from: 2000, to: 2018, years: 18, chosen: "longest", crossesBreaks: [] }
 * c.beta.unconditional.n; // 7
 * c.sigma.rows.at(-1).year; // 2025
 */
export function convergence(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: ConvergenceOptions = {},
): Convergence {
  const args = checkAssessArgs(FN, pack, scenario, options, [
    "indicator",
    "centre",
    "through",
    "window",
    "controls",
  ]);
  const o = args.options;
  const resolved = resolveScenario(args.scenario, args.pack.scenarios);
  const givenThrough =
    o.through === undefined
      ? undefined
      : checkNumber(FN, "options.through", o.through, { integer: true, max: resolved.toYear });
  const indicatorOption =
    o.indicator === undefined
      ? DEFAULT_INDICATOR
      : checkString(FN, "options.indicator", o.indicator, { nonEmpty: true });
  const centre = centreOf(args.pack.dataset, o.centre);
  const window = o.window === undefined ? undefined : checkWindow(o.window);
  const controls = o.controls === undefined ? [] : checkControls(o.controls, args.pack.dataset);

  const { dataset, issues } = packDataset(args.pack, args.data.observations);
  const projection = projectCheckedScenario(dataset, resolved, args.pack.references);
  const { plan } = buildTargetContext(args.pack, dataset, projection);
  const through = givenThrough ?? Math.min(plan.endYear, resolved.toYear);
  // The plan's base year gives every compared indicator a row, data or not.
  const all = assessDisparity(dataset, projection, [args.pack.plan.baseYear], {
    everyYearWithData: true,
    projectedThrough: through,
  });
  const rows = all.filter((r) => r.indicator === indicatorOption);
  if (rows.length === 0) throw unknownIndicator(indicatorOption, o.indicator !== undefined, all);
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const sigma = sigmaOf(indicatorOption, sorted, centre);
  const beta = betaResults(dataset, projection, sorted, sigma.rows, window, controls);
  const indicator = dataset.indicators.find((i) => i.id === indicatorOption);
  return {
    pack: args.pack.id,
    scenario: resolved.id,
    indicator: indicatorOption,
    unit: indicator?.unit ?? "",
    through,
    sigma,
    beta,
    issues: [...args.data.issues, ...issues, ...projection.issues],
  };
}

/** The β results: observed window (unconditional, conditional) and projected. */
function betaResults(
  dataset: Dataset,
  projection: ScenarioProjection,
  rows: readonly DisparityRow[],
  sigmaRows: readonly SigmaRow[],
  given: readonly [number, number] | undefined,
  controls: readonly ConvergenceControl[],
): BetaResults {
  const notes: string[] = [];
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const sigmaByYear = new Map(sigmaRows.map((r) => [r.year, r]));
  let window: ConvergenceWindow | null = null;
  let places: readonly string[] = [];
  if (given !== undefined) {
    const [from, to] = given;
    const first = sigmaByYear.get(from);
    const last = sigmaByYear.get(to);
    if (first?.basis !== "observed" || last?.basis !== "observed")
      throw new ArgumentRangeError(
        `${FN}: options.window must be two observed years of ${rows[0]?.indicator}, from before to (got [${from}, ${to}]; observed: ${observedSpan(sigmaRows)})`,
        { code: "out-of-range", path: "options.window" },
      );
    places = placesAtBothEnds(first, last);
    const crosses = crossedBreaks(dataset, sigmaRows, from, to, places);
    window = { from, to, years: to - from, chosen: "given", crossesBreaks: crosses };
    if (crosses.length > 0)
      notes.push(
        `the window ${from}–${to} crosses ${crosses.length} series break${crosses.length === 1 ? "" : "s"}: growth over it mixes two bases`,
      );
  } else {
    const found = longestWindow(dataset, sigmaRows, MIN_BETA_PLACES);
    if (found !== undefined) {
      places = found.places;
      window = {
        from: found.from,
        to: found.to,
        years: found.to - found.from,
        chosen: "longest",
        crossesBreaks: [],
      };
    } else
      notes.push(
        `no window of observed years without a series break has ${MIN_BETA_PLACES} places with data at both ends: no β-convergence regression`,
      );
  }
  const valuesIn = (year: number) =>
    new Map((byYear.get(year)?.values ?? []).map((v) => [v.place, v.value]));
  let unconditional: BetaConvergence | null = null;
  let conditional: BetaConvergence | null = null;
  if (window !== null) {
    const start = valuesIn(window.from);
    const end = valuesIn(window.to);
    const base: BetaPlace[] = places.map((place) => ({
      place,
      initial: start.get(place) as number,
      final: end.get(place) as number,
    }));
    unconditional = fitOrNote(base, window.years, "unconditional", notes);
    if (controls.length > 0)
      conditional = conditionalFit(projection, base, window, controls, notes);
  }
  const projected = projectedFit(rows, notes);
  const n = unconditional?.n;
  if (n !== undefined && n < 30)
    notes.push(
      `n = ${n} places: the standard errors and t-values rest on few observations and on normal errors; read β as a description of these places, not as a test`,
    );
  return { window, unconditional, conditional, projected, notes };
}

/**
 * The regression, or null with a note when the data cannot give one (too few places, collinear
 * regressors): betaConvergence's range errors are about the data here, not the caller's contract.
 */
function fitOrNote(
  places: readonly BetaPlace[],
  years: number,
  label: string,
  notes: string[],
): BetaConvergence | null {
  try {
    return betaConvergence(places, years);
  } catch (error) {
    if (!(error instanceof ArgumentRangeError)) throw error;
    notes.push(`${label}: ${error.message.replace(/^betaConvergence: /, "")}`);
    return null;
  }
}

/** The conditional regression over the places that have every control in the first year. */
function conditionalFit(
  projection: ScenarioProjection,
  base: readonly BetaPlace[],
  window: ConvergenceWindow,
  controls: readonly ConvergenceControl[],
  notes: string[],
): BetaConvergence | null {
  const resolved = controls.map((c) => controlValues(projection, c, window.from));
  const withAll = base.filter((b) => resolved.every((c) => c.values.has(b.place)));
  const lacking = base.filter((b) => !withAll.includes(b)).map((b) => b.place);
  if (lacking.length > 0)
    notes.push(
      `conditional: left out ${lacking.join(", ")} (no value of ${resolved
        .filter((c) => lacking.some((p) => !c.values.has(p)))
        .map((c) => c.name)
        .join(", ")} in ${window.from})`,
    );
  const places = withAll.map((b) => ({
    ...b,
    controls: Object.fromEntries(resolved.map((c) => [c.name, c.values.get(b.place) as number])),
  }));
  return fitOrNote(places, window.years, "conditional", notes);
}

/** The β implied by the projection: latest observed year to the last projected one. */
function projectedFit(rows: readonly DisparityRow[], notes: string[]): BetaResults["projected"] {
  const observed = rows.filter((r) => r.basis === "observed" && r.values.length > 0);
  const projected = rows.filter((r) => r.basis === "projected" && r.values.length > 0);
  const first = observed[observed.length - 1];
  const last = projected[projected.length - 1];
  if (first === undefined || last === undefined) return null;
  const end = new Map(last.values.map((v) => [v.place, v.value]));
  const places = first.values
    .filter((v) => end.has(v.place))
    .map((v) => ({ place: v.place, initial: v.value, final: end.get(v.place) as number }));
  const fit = fitOrNote(places, last.year - first.year, "projected", notes);
  return fit === null ? null : { ...fit, from: first.year, to: last.year };
}

/** `2000–2021`, the observed years with a value. */
function observedSpan(rows: readonly SigmaRow[]): string {
  const years = rows.filter((r) => r.basis === "observed" && r.n > 0).map((r) => r.year);
  return years.length === 0 ? "none" : `${years[0]}–${years[years.length - 1]}`;
}

/** The centre group: a group id or a place id of the pack (default `central-city`). */
function centreOf(
  dataset: Dataset,
  value: unknown,
): { readonly id: string; readonly members: readonly string[] } {
  const id =
    value === undefined
      ? DEFAULT_CENTRE
      : checkString(FN, "options.centre", value, { nonEmpty: true });
  const group = dataset.groups.find((g) => g.id === id);
  if (group !== undefined) return { id, members: group.members };
  if (dataset.places.some((p) => p.id === id)) return { id, members: [id] };
  const known = [...dataset.groups.map((g) => g.id), ...dataset.places.map((p) => p.id)];
  if (value === undefined)
    throw new ArgumentRangeError(
      `${FN}: options.centre must be given: the pack has no group ${DEFAULT_CENTRE} (its groups and places: ${known.join(", ")})`,
      { code: "unknown-id", path: "options.centre" },
    );
  throw new ArgumentRangeError(
    `${FN}: options.centre must be a group or place of the pack (${known.join(", ")})${didYouMean(id, known)} (got ${describeValue(value)})`,
    { code: "unknown-id", path: "options.centre" },
  );
}

/** `; did you mean "x"?` with the nearest of `known`, or nothing. */
function didYouMean(id: string, known: readonly string[]): string {
  const [nearest] = nearestIds(
    normalizeName(id),
    known.map((k) => ({ id: k, keys: [normalizeName(k)] })),
    1,
  );
  return nearest === undefined ? "" : `; did you mean "${nearest}"?`;
}

/** `[from, to]`, two integer years with from < to. */
function checkWindow(value: unknown): readonly [number, number] {
  const expected = "two years [from, to]";
  const years = checkArrayOf(
    FN,
    "options.window",
    value,
    (at, y) => checkNumber(FN, at, y, { integer: true }),
    expected,
  );
  const [from, to] = years;
  if (years.length !== 2 || from === undefined || to === undefined || !(from < to))
    throw new ArgumentRangeError(
      `${FN}: options.window must be ${expected} with from before to (got ${describeValue(value)})`,
      { code: "out-of-range", path: "options.window" },
    );
  return [from, to];
}

/** The controls, each an indicator of the dataset (with `per`) or named values per place. */
function checkControls(value: unknown, dataset: Dataset): ConvergenceControl[] {
  const expected = "a control { indicator, per? } or { name, values }";
  const ids = dataset.indicators.map((i) => i.id);
  const indicatorId = (at: string, v: unknown) => {
    const id = checkString(FN, at, v, { nonEmpty: true });
    if (ids.includes(id)) return id;
    throw new ArgumentRangeError(
      `${FN}: ${at} must be an indicator of the pack${didYouMean(id, ids)} (got ${describeValue(v)})`,
      { code: "unknown-id", path: at },
    );
  };
  const controls = checkArrayOf(FN, "options.controls", value, (at, c): ConvergenceControl => {
    const obj = checkObject(FN, at, c, expected);
    if ("values" in obj) {
      const o = checkOptions(FN, at, obj, ["name", "values"]);
      const values = checkObject(FN, `${at}.values`, o.values, "an object of values by place");
      for (const [place, v] of Object.entries(values)) checkNumber(FN, `${at}.values.${place}`, v);
      return {
        name: checkString(FN, `${at}.name`, o.name, { nonEmpty: true }),
        values: values as Record<string, number>,
      };
    }
    const o = checkOptions(FN, at, obj, ["indicator", "per", "name"]);
    return {
      indicator: indicatorId(`${at}.indicator`, o.indicator),
      ...(o.per === undefined ? {} : { per: indicatorId(`${at}.per`, o.per) }),
      ...(o.name === undefined
        ? {}
        : { name: checkString(FN, `${at}.name`, o.name, { nonEmpty: true }) }),
    };
  });
  const names = controls.map((c) =>
    "values" in c
      ? c.name
      : (c.name ?? (c.per === undefined ? c.indicator : `${c.indicator}/${c.per}`)),
  );
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined)
    throw new ArgumentRangeError(`${FN}: options.controls name "${twice}" twice`, {
      code: "out-of-range",
      path: "options.controls",
    });
  return controls;
}

/** The error of an indicator that places are not compared on. */
function unknownIndicator(
  id: string,
  given: boolean,
  rows: readonly DisparityRow[],
): ArgumentRangeError {
  const known = [...new Set(rows.map((r) => r.indicator))];
  const list = known.length === 0 ? "none" : known.join(", ");
  return new ArgumentRangeError(
    given
      ? `${FN}: options.indicator must be an indicator places are compared on (${list})${didYouMean(id, known)} (got ${describeValue(id)})`
      : `${FN}: options.indicator must be given: the pack has no ${id} to compare places on (it compares ${list})`,
    { code: "unknown-id", path: "options.indicator" },
  );
}
