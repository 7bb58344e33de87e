import { assessPack } from "../assessment/assessPack.js";
import { mergeObservations } from "../assessment/mergeObservations.js";
import { ArgumentRangeError } from "../internal/errors.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import type { Target, TargetKind } from "../schemas/target.js";
import { findSeries } from "../targets/findSeries.js";
import { allocatePlaces } from "./internal/allocatePlaces.js";
import { checkSolveArgs } from "./internal/checkSolveArgs.js";
import { type SolvableKind, solvableKind } from "./internal/solvableKinds.js";
import { movedGrowth, seriesGrowth } from "./internal/solveAnswer.js";
import {
  edgeLever,
  growthLever,
  judgedIndicator,
  type Lever,
  levelIndicator,
  type SolvedTarget,
} from "./internal/solveLever.js";
import { solveProbability } from "./internal/solveProbability.js";
import { targetProbe } from "./internal/solveProbe.js";
import { solvedEntries, solvedScenario, writtenRate } from "./internal/solveScenario.js";
import { orientedRoot } from "./internal/solveSearch.js";
import type { SolveTargetOptions, TargetSolution } from "./solveResult.js";

const FN = "solveTarget";

/**
 * How far above the target a solved projection may land: the search stops within +0.5% of the
 * target's level (well inside the 2% a plan's "about" allows), aiming at +0.25%.
 */
const ABOVE = 0.005;

/**
 * Solves for the growth that meets a target: the growth a year of the series the target reads
 * that makes the scenario's projection just meet it in its year, or, with `probability`, that
 * makes the simulated probability of attainment equal to it. The answer is a scenario (the base
 * scenario and one `cagr` entry per moved series, from the year after its latest observation)
 * that `assessPack` reproduces, and each place's required growth set against its own history and
 * the growth of China's counties.
 *
 * What moves, by the series the target reads (see docs/solve.md):
 * - a place, or a group read from its own observations: that series, at one rate; a group's
 *   level is then also spread over its places by `rule` (their entries do not change the target,
 *   which reads the group's series, but keep the places consistent with it);
 * - a group read from the sum of its places: the places, spread by `rule` — `same-growth` (one
 *   rate), `same-uplift` (`rate_i = trend_i + u`), `gap-share` (each place adds to its trend
 *   level its share of the group's gap over the places' trend total);
 * - a share (a part of a whole): the part grows an edge `d` a year faster than the rest of the
 *   whole grows in the base scenario, `(1 + rate) = (1 + g_rest)(1 + d)`.
 *
 * Method. The projection's measure, as a ratio of levels to the target (a growth target's rates
 * as the levels they imply), rises with the parameter; a bracketing search (secant steps, then
 * the Illinois variant of regula falsi: Dowell & Jarratt 1971, BIT 11(2)) finds the parameter
 * whose projection lies within +0.5% of the target (below it for a `<=` target). With
 * `probability`, each trial runs `simulatePack` with the same seed (common random numbers: the
 * probability is then a monotone step function of the parameter; Glasserman 2003, *Monte Carlo
 * Methods in Financial Engineering*, §4.1); the search starts where the simulated quantile of the
 * measure says the projection must move, and stops within `max(0.002, 2/paths)` above `p`.
 * Plausibility: the best and latest five-year growth of each series' observations (within series
 * breaks), and its percentile among the five-year GDP growth of China's county-level units (or,
 * for the whole city, prefecture-level cities) in 2013–2018 at current prices, 2018–2023 at
 * constant prices (`scripts/embed-growth-percentiles.ts`).
 *
 * @param pack - the region pack.
 * @param scenario - the base scenario: a named scenario's id or a scenario object.
 * @param targetId - the id of a level, growth or share target of the pack.
 * @param options - `probability`, `rule` (default `same-growth`), `paths` (default 4096),
 *   `seed` (default 1), `workers` (default 0), `data`, `strict`.
 * @returns the solution, its scenario and the check of the target assessed under it.
 * @throws {ArgumentTypeError} the errors of `assessPack`'s arguments, starting `solveTarget:`;
 *   `solveTarget: targetId must be a target id (got nothing)`; an option of the wrong type
 *   (`solveTarget: options.probability must be a probability strictly between 0 and 1 (0.8 =
 *   80%) (got the string "0.8")`) or unknown (`solveTarget: options.rul is not an option; did
 *   you mean rule? …`).
 * @throws {ArgumentRangeError} an unknown target (`solveTarget: targetId must be the id of a
 *   target of the pack; did you mean "gdp-2035-double"? (got the string "gdp-2035")`); a target
 *   that cannot be solved (`solveTarget: targetId must name a level, growth or share target:
 *   expressways is a count target, and a count adds up yearly counts …`; one reading a rate, one
 *   without data under the scenario, one whose year is observed); `options.probability` outside
 *   (0, 1), with an `about` target (its probability is not monotone in growth) or with a
 *   target the simulation cannot run (a share of series that are not positive); an unknown
 *   `options.rule` (`solveTarget: options.rule must be "same-growth", "same-uplift" or
 *   "gap-share"; did you mean "same-growth"? (got the string "same")`); a target out of reach at
 *   growth up to 100% a year.
 * @example
 * const solution = await solveTarget(qujingPack, "trend", "gdp-2035-double");
 * solution.check.met; // true
 * solution.check.ratio >= 1 && solution.check.ratio <= 1.02; // true
 * assessPack(qujingPack, solution.scenario).rows.find((r) => r.targetId === "gdp-2035-double")?.met; // true
 */
export async function solveTarget(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  targetId: string,
  options: SolveTargetOptions = {},
): Promise<TargetSolution> {
  const args = checkSolveArgs(pack, scenario, targetId, options);
  const { target, kind } = solvable(args.target);
  levelIndicator(args.pack.dataset.indicators, target);
  const full: RegionPack =
    args.data.observations.length === 0
      ? args.pack
      : { ...args.pack, dataset: mergeObservations(args.pack.dataset, args.data.observations) };
  const one: RegionPack = { ...full, targets: [target] };
  const probe = targetProbe(one, target);
  const base = probe.run(args.scenario);
  const baseName = typeof args.scenario === "string" ? args.scenario : args.scenario.id;
  if (base.evaluation.met === null)
    unsolvable(
      target,
      `cannot be evaluated under ${baseName}: ${[...base.evaluation.missing.map((m) => m.why), ...base.evaluation.notes].join("; ") || "insufficient data"}`,
    );
  if (base.evaluation.final) unsolvable(target, `is due in ${target.year}, which is observed`);
  if (args.probability !== undefined && target.comparator === "about")
    throw new ArgumentRangeError(
      `${FN}: options.probability must be left out for an "about" target: the probability of landing within its band rises and then falls with growth, so no growth is the answer (got ${args.probability} for ${target.id})`,
      { code: "out-of-range", path: "options.probability" },
    );
  const sense = target.comparator === "<=" ? -1 : 1;
  const rule = target.kind === "share" ? undefined : (args.rule ?? "same-growth");
  const lever: Lever =
    target.kind === "share"
      ? edgeLever(base.context, target, base.evaluation)
      : growthLever(base.context, target, rule ?? "same-growth");
  const notes: string[] = [...lever.notes];

  const goal =
    args.probability === undefined
      ? "just met"
      : `met with probability ${args.probability} (${args.paths} paths, seed ${args.seed})`;
  const reason = (how: string) => (scope: string, rate: number) =>
    `regionsim solve: ${target.id} ${goal} from scenario ${baseName}: ${scope}'s ${target.indicator} grows ${(100 * rate).toFixed(4)}% a year${how}`;
  const leverHow =
    lever.kind === "places"
      ? ` (${target.scope}'s growth spread over its places by rule ${lever.rule})`
      : lever.kind === "edge"
        ? " (the part's edge over the rest of the whole)"
        : "";
  const entriesAt = (x: number) =>
    solvedEntries(
      target.indicator,
      lever.series,
      lever.rates(x).map((r) => writtenRate(r, sense)),
      reason(leverHow),
    );
  const text = {
    nameEn: `${baseName} with the growth that meets ${target.id}`,
    description: `Solved by regionsim solve: ${target.id} (${target.nameEn}) ${goal}, from scenario ${baseName}.`,
  };
  const scenarioAt = (x: number) => solvedScenario(args.scenario, entriesAt(x), text);
  const logRatio = (x: number) => {
    const e = probe.run(scenarioAt(x)).evaluation;
    const r = kind.ratio(target, e);
    if (r === null) unsolvable(target, `cannot be evaluated at a growth parameter of ${x}`);
    return Math.log(r);
  };
  const band = target.comparator === "about" ? Math.min(ABOVE, target.tolerance ?? 0.02) : ABOVE;
  const det = await orientedRoot((x) => sense * logRatio(x), 0, sense, lever, {
    tolerance: Math.log1p(band),
    xTolerance: 1e-9,
    maxEvaluations: 40,
  });
  if (!det.bracketed)
    unsolvable(target, "is out of reach: no growth from −95% to 100% a year meets it");

  let x = det.x;
  let simulated: Awaited<ReturnType<typeof solveProbability>> | undefined;
  if (args.probability !== undefined) {
    simulated = await solveProbability({
      pack: one,
      targetId: target.id,
      scenarioAt,
      p: args.probability,
      sense,
      start: det.x,
      space: lever,
      run: { paths: args.paths, seed: args.seed, workers: args.workers },
      shiftTo: async (shift) =>
        (
          await orientedRoot(
            (y) => sense * (logRatio(y) - (sense * det.fx - shift)),
            0,
            sense,
            { ...lever, start: det.x },
            { tolerance: 1e-4, xTolerance: 1e-9, maxEvaluations: 20 },
          )
        ).x,
    });
    if (!simulated.bracketed)
      unsolvable(
        target,
        `is out of reach with probability ${args.probability}: growth within −95% to 100% a year gives at most ${simulated.probability}`,
      );
    x = simulated.x;
  }

  // The solution's scenario, with a group's level spread over its places when they do not move it.
  const judged = judgedIndicator(target);
  const leverRates = lever.rates(x).map((r) => writtenRate(r, sense));
  let entries = entriesAt(x);
  const solvedProbe = probe.run(solvedScenario(args.scenario, entries, text));
  const isGroup = base.context.dataset.groups.some((g) => g.id === target.scope);
  const allocation =
    lever.kind === "scope" && isGroup && rule !== undefined
      ? await allocatePlaces(base.context, solvedProbe.context, target, judged, rule)
      : undefined;
  if (typeof allocation === "string") notes.push(allocation);
  else if (allocation !== undefined) {
    notes.push(allocation.note);
    const prices = allocation.indicator === judged ? "" : " at current prices";
    entries = [
      ...entries,
      ...solvedEntries(
        target.indicator,
        allocation.places,
        allocation.rates.map((r) => writtenRate(r, sense)),
        reason(
          `${prices} (${target.scope}'s level in ${target.year} spread over its places by rule ${rule})`,
        ),
      ),
    ];
  }
  const solvedScenarioInput = solvedScenario(args.scenario, entries, text);

  // The check: the target's row when the full pack is assessed under the solution.
  const row = assessPack(full, solvedScenarioInput).rows.find((r) => r.targetId === target.id);
  const ratio = row === undefined ? null : kind.ratio(target, row);
  if (row === undefined || row.projected === null || ratio === null)
    throw new Error(`${FN}: the solved scenario does not evaluate ${target.id} (a bug)`);

  if (target.kind === "share" && typeof solvedProbe.evaluation.impliedDifferential === "number")
    notes.push(
      `under the solution the part grows ${(100 * solvedProbe.evaluation.impliedDifferential).toFixed(2)}% a year faster than the rest of the whole as projected (the assessment's growth differential, (1 + g_part) / (1 + g_rest) − 1)`,
    );
  const ownIndicator = target.kind === "share" ? target.indicator : judged;
  const scopeGrowth = seriesGrowth(
    base.context,
    solvedProbe.context,
    {
      solved: findSeries(solvedProbe.context, target.scope, ownIndicator),
      base: findSeries(base.context, target.scope, ownIndicator),
    },
    target.year,
  );
  const allocated = typeof allocation === "object" ? allocation : undefined;
  const places =
    allocated !== undefined
      ? allocated.places.map((p, k) =>
          movedGrowth(
            base.context,
            allocated.indicator,
            p,
            writtenRate(allocated.rates[k] as number, sense),
          ),
        )
      : lever.kind === "scope" && isGroup
        ? []
        : lever.series.map((p, k) =>
            movedGrowth(base.context, lever.seriesIndicator, p, leverRates[k] as number),
          );

  const appliedRule = lever.kind === "places" || allocated !== undefined ? (rule ?? null) : null;
  if (args.rule !== undefined && appliedRule === null)
    notes.push(
      `rule ${args.rule} does not apply: ${lever.kind === "edge" ? "a share is solved as its part's edge over the rest" : isGroup ? "the group's places are not allocated" : `${target.scope} is a place`}`,
    );

  return {
    targetId: target.id,
    kind: target.kind,
    scope: target.scope,
    indicator: target.indicator,
    year: target.year,
    comparator: target.comparator,
    value: target.value,
    unit: target.unit,
    basis: target.kind !== "share" && target.basis === "real" ? "real" : "nominal",
    baseScenario: baseName,
    goal:
      args.probability === undefined
        ? { kind: "projection" }
        : { kind: "probability", p: args.probability },
    lever: lever.kind,
    rule: appliedRule,
    parameter: x,
    scopeGrowth,
    places,
    scenario: solvedScenarioInput,
    check: {
      projected: row.projected,
      target: target.value,
      ratio,
      met: row.met === true,
      ...(simulated === undefined
        ? {}
        : {
            probability: {
              value: simulated.probability,
              standardError: simulated.standardError,
              paths: args.paths,
              seed: args.seed,
            },
          }),
    },
    evaluations: { projections: probe.runs(), simulations: simulated?.runs ?? 0 },
    notes,
  };
}

/** The target and its kind's definition, if the kind can be solved; else the error saying why not. */
function solvable(target: Target): {
  readonly target: SolvedTarget;
  readonly kind: SolvableKind<TargetKind>;
} {
  const kind = solvableKind(target);
  if ("unsupported" in kind)
    throw new ArgumentRangeError(
      `${FN}: targetId must name a level, growth or share target: ${target.id} is a ${target.kind} target, and ${kind.unsupported} (got the string ${JSON.stringify(target.id)})`,
      { code: "out-of-range", path: "targetId" },
    );
  return { target: target as SolvedTarget, kind };
}

/** Throws the range error of a target that cannot be solved as asked. */
function unsolvable(target: Target, why: string): never {
  throw new ArgumentRangeError(
    `${FN}: targetId must name a target that can be solved: ${target.id} ${why}`,
    {
      code: "out-of-range",
      path: "targetId",
    },
  );
}
