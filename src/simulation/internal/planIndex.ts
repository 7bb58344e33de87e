import { compileFormula } from "../../internal/compileFormula.js";
import type { FormulaProgram } from "../../internal/formulaProgram.js";
import type { SimulationPlan } from "../simulationPlan.js";
import { failPlan } from "./failPlan.js";

/** A plan checked against itself, with its ids indexed. */
export interface PlanIndex {
  readonly plan: SimulationPlan;
  /** Number of simulated years T. */
  readonly years: number;
  readonly place: ReadonlyMap<string, number>;
  readonly indicator: ReadonlyMap<string, number>;
  readonly group: ReadonlyMap<string, number>;
  /** Per indicator: its bounds (default [0, 100]), those of the logit scale. */
  readonly range: readonly (readonly [number, number])[];
  /**
   * Per indicator: the compiled formula of a derived indicator, with the plan index of each of
   * its symbols (`inputs[k]` for `program.symbols[k]`); undefined for the others.
   */
  readonly formulas: readonly (
    | { readonly program: FormulaProgram; readonly inputs: readonly number[] }
    | undefined
  )[];
}

/**
 * The first stage of the kernel compile: checks a parsed plan against itself (unique ids, group
 * members, the shapes of baseline, sigma, start and spread, logit bounds, the formulas of derived
 * indicators: in the language, naming indicators of the plan, without cycles) and indexes its ids.
 * @throws {RangeError} `simulate: …` naming the first contradiction.
 */
export function indexPlan(plan: SimulationPlan): PlanIndex {
  const T = plan.years;
  const P = plan.places.length;
  const I = plan.indicators.length;
  const place = new Map<string, number>();
  plan.places.forEach((id, p) => {
    if (place.has(id)) failPlan(`plan.places has "${id}" twice`);
    place.set(id, p);
  });
  const indicator = new Map<string, number>();
  plan.indicators.forEach((ind, i) => {
    if (indicator.has(ind.id)) failPlan(`plan.indicators has "${ind.id}" twice`);
    indicator.set(ind.id, i);
  });
  const group = new Map<string, number>();
  plan.groups.forEach((g, k) => {
    if (group.has(g.id) || place.has(g.id))
      failPlan(`plan.groups: "${g.id}" is already a place or group id`);
    group.set(g.id, k);
    const seen = new Set<string>();
    for (const m of g.members) {
      if (!place.has(m)) failPlan(`plan.groups "${g.id}" has an unknown member "${m}"`);
      if (seen.has(m)) failPlan(`plan.groups "${g.id}" lists "${m}" twice`);
      seen.add(m);
    }
  });
  if (plan.baseline.length !== P)
    failPlan(`plan.baseline must have ${P} rows, one per place (got ${plan.baseline.length})`);
  if (plan.sigma.length !== P)
    failPlan(`plan.sigma must have ${P} rows, one per place (got ${plan.sigma.length})`);
  for (let p = 0; p < P; p++) {
    const row = plan.baseline[p]!;
    const srow = plan.sigma[p]!;
    if (row.length !== I)
      failPlan(`plan.baseline[${p}] must have ${I} entries, one per indicator (got ${row.length})`);
    if (srow.length !== I)
      failPlan(`plan.sigma[${p}] must have ${I} entries, one per indicator (got ${srow.length})`);
    for (let i = 0; i < I; i++) {
      const path = row[i];
      if (path !== null && path !== undefined && path.length !== T)
        failPlan(
          `plan.baseline[${p}][${i}] must have ${T} values, one per year (got ${path.length})`,
        );
    }
  }
  // The optional place × indicator tables: a row per place, an entry per indicator (then `each`).
  const placeByIndicator = <V>(
    name: string,
    rows: readonly (readonly V[])[],
    each: (v: V, p: number, i: number) => void = () => {},
  ): void => {
    if (rows.length !== P)
      failPlan(`plan.${name} must have ${P} rows, one per place (got ${rows.length})`);
    rows.forEach((row, p) => {
      if (row.length !== I)
        failPlan(
          `plan.${name}[${p}] must have ${I} entries, one per indicator (got ${row.length})`,
        );
      for (const [i, v] of row.entries()) each(v, p, i);
    });
  };
  if (plan.start !== undefined)
    placeByIndicator("start", plan.start, (t, p, i) => {
      if (t > T + 1) failPlan(`plan.start[${p}][${i}] must be at most ${T + 1} (got ${t})`);
    });
  if (plan.spread !== undefined) placeByIndicator("spread", plan.spread);
  const range = plan.indicators.map((ind) => {
    const b = ind.bounds ?? [0, 100];
    if (ind.scale === "logit" && !(b[1] > b[0]))
      failPlan(`indicator "${ind.id}" needs bounds lo < hi (got [${b[0]}, ${b[1]}])`);
    return b;
  });
  return {
    plan,
    years: T,
    place,
    indicator,
    group,
    range,
    formulas: planFormulas(plan, indicator),
  };
}

/** The compiled formula of each derived indicator of the plan (see `PlanIndex.formulas`). */
function planFormulas(
  plan: SimulationPlan,
  indicator: ReadonlyMap<string, number>,
): PlanIndex["formulas"] {
  const formulas = plan.indicators.map((ind) => {
    const derived = ind.aggregation.rule === "formula";
    if (derived !== (ind.formula !== undefined))
      failPlan(
        derived
          ? `indicator "${ind.id}" aggregates by "formula" but has no formula`
          : `indicator "${ind.id}" has a formula but aggregates by "${ind.aggregation.rule}"`,
      );
    if (ind.formula === undefined) return undefined;
    const compiled = compileFormula(ind.formula);
    if (!compiled.ok) return failPlan(`the formula of indicator "${ind.id}" ${compiled.problem}`);
    const inputs = compiled.program.symbols.map((symbol) => {
      const k = indicator.get(symbol);
      if (k === undefined)
        failPlan(
          `the formula of indicator "${ind.id}" names "${symbol}", which is not an indicator of the plan`,
        );
      return k;
    });
    return { program: compiled.program, inputs };
  });
  // Derived indicators must not name each other in a cycle.
  const state: ("visiting" | "done" | undefined)[] = [];
  const visit = (i: number, path: readonly number[]): void => {
    if (state[i] === "done") return;
    if (state[i] === "visiting")
      failPlan(
        `the formulas of indicators ${[...path.slice(path.indexOf(i)), i].map((k) => `"${plan.indicators[k]!.id}"`).join(" → ")} form a cycle`,
      );
    state[i] = "visiting";
    for (const k of formulas[i]?.inputs ?? []) visit(k, [...path, i]);
    state[i] = "done";
  };
  for (let i = 0; i < formulas.length; i++) visit(i, []);
  return formulas;
}
