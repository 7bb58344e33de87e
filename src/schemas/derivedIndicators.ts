import { compileFormula } from "../internal/compileFormula.js";
import type { FormulaProgram } from "../internal/formulaProgram.js";
import { orList } from "../internal/nameMatch.js";
import type { Indicator } from "./indicator.js";
import type { Issue } from "./issue.js";
import { nameIndex } from "./nameIndex.js";

/** The derived indicators of a list of indicators, compiled, ordered and checked. */
export interface DerivedIndicators {
  /** The program of each derived indicator that can be computed (valid formula, no cycle). */
  readonly programs: ReadonlyMap<string, FormulaProgram>;
  /**
   * The ids of {@link programs} in an order where each comes after every derived indicator its
   * formula names, so that computing them in this order finds each symbol's values ready.
   */
  readonly order: readonly string[];
  /** What is wrong, each with the id of the indicator and the field it is about. */
  readonly problems: readonly {
    readonly indicator: string;
    readonly field: "formula" | "aggregation";
    readonly issue: Issue;
  }[];
}

/**
 * Compiles the formula of every derived indicator (one with a `formula`; see
 * `compileFormula`) once and checks it against the others:
 * - `invalid-formula`: the formula is not in the language (a syntax error, an assignment, an
 *   unknown function, …), or it names a derived indicator that cannot be computed;
 * - `unknown-indicator`: it names something that is not an indicator id (with the nearest ids);
 * - `formula-cycle`: derived indicators name each other in a cycle (`a → b → a`);
 * - `formula-aggregation`: a derived indicator whose aggregation is not `{ rule: "formula" }`, or
 *   an indicator that aggregates by `formula` without one.
 *
 * Each message names the indicator (and the symbol or construct at fault); the issue's `received`
 * quotes the formula. Never throws for a bad formula.
 *
 * @example
 * const level = { nameZh: "指标", nameEn: "Indicator", unit: "u", kind: "level", scale: "log" } as const;
 * const d = derivedIndicators([
 *   { ...level, id: "gdp", aggregation: { rule: "sum" } },
 *   { ...level, id: "population", aggregation: { rule: "sum" } },
 *   { ...level, id: "gdp_pc", aggregation: { rule: "formula" }, formula: "gdp / popn * 10000" },
 * ]);
 * d.problems[0]?.issue.message; // "formula of gdp_pc names an unknown indicator popn; did you mean population, gdp or gdp_pc?"
 * d.problems[0]?.issue.received; // '"gdp / popn * 10000"'
 * d.order; // []
 */
export function derivedIndicators(indicators: readonly Indicator[]): DerivedIndicators {
  const problems: {
    indicator: string;
    field: "formula" | "aggregation";
    issue: Issue;
  }[] = [];
  const problem = (
    indicator: Indicator,
    field: "formula" | "aggregation",
    code: string,
    message: string,
  ) =>
    problems.push({
      indicator: indicator.id,
      field,
      issue: {
        severity: "error",
        code,
        message,
        ...(field === "formula" ? { received: JSON.stringify(indicator.formula) } : {}),
      },
    });
  let names: ReturnType<typeof nameIndex> | undefined;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const hyphenated = indicators.map((i) => i.id).filter((id) => id.includes("-"));
  const candidates = new Map<string, FormulaProgram>();
  for (const indicator of indicators) {
    const { formula } = indicator;
    const rule = indicator.aggregation.rule;
    if (formula === undefined) {
      if (rule === "formula")
        problem(
          indicator,
          "aggregation",
          "formula-aggregation",
          `${indicator.id} aggregates by "formula" but has no formula`,
        );
      continue;
    }
    const what = `formula of ${indicator.id}`;
    if (rule !== "formula")
      problem(
        indicator,
        "aggregation",
        "formula-aggregation",
        `${indicator.id} has a formula, so its aggregation must be { "rule": "formula" } (got "${rule}")`,
      );
    const compiled = compileFormula(formula);
    if (!compiled.ok) {
      problem(indicator, "formula", "invalid-formula", `${what} ${compiled.problem}`);
      continue;
    }
    let known = true;
    for (const symbol of compiled.program.symbols) {
      if (byId.has(symbol)) continue;
      known = false;
      names ??= nameIndex({ places: [], groups: [], indicators: [...indicators] });
      const hit = names.indicatorId(symbol);
      const hint = hyphenated.filter((id) => formula.includes(id));
      const miss = hit.found ? "" : hit.issue.message;
      const suggestion = miss.startsWith("unknown indicator")
        ? miss.replace(/^unknown indicator( id)?/, "")
        : miss === ""
          ? ""
          : `; ${miss}`;
      problem(
        indicator,
        "formula",
        "unknown-indicator",
        `${what} names an unknown indicator ${symbol}${suggestion}${
          hint.length === 0
            ? ""
            : ` (${orList(hint)} cannot be named in a formula: '-' reads as a minus; rename with '_')`
        }`,
      );
    }
    if (known) candidates.set(indicator.id, compiled.program);
  }
  const order = orderDerived(candidates, byId, (indicator, message) =>
    problem(
      indicator,
      "formula",
      message.cycle ? "formula-cycle" : "invalid-formula",
      message.text,
    ),
  );
  const programs = new Map(order.map((id) => [id, candidates.get(id) as FormulaProgram]));
  return { programs, order, problems };
}

/**
 * The derived indicators of `candidates` in dependency order, leaving out (and reporting) those in
 * a cycle and those whose formula names a derived indicator that cannot be computed.
 */
function orderDerived(
  candidates: ReadonlyMap<string, FormulaProgram>,
  byId: ReadonlyMap<string, Indicator>,
  report: (indicator: Indicator, message: { cycle: boolean; text: string }) => void,
): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done" | "failed">();
  const reported = new Set<string>();
  const quote = (id: string) => `formula of ${id}`;
  const fail = (id: string, cycle: boolean, text: string) => {
    state.set(id, "failed");
    if (reported.has(id)) return;
    reported.add(id);
    report(byId.get(id) as Indicator, { cycle, text });
  };
  const visit = (id: string, path: readonly string[]): boolean => {
    const seen = state.get(id);
    if (seen === "done") return true;
    if (seen === "failed") return false;
    if (seen === "visiting") {
      const cycle = [...path.slice(path.indexOf(id)), id];
      for (const member of cycle.slice(0, -1))
        fail(
          member,
          true,
          `${quote(member)} is part of a cycle of derived indicators (${cycle.join(" → ")})`,
        );
      return false;
    }
    state.set(id, "visiting");
    const program = candidates.get(id) as FormulaProgram;
    for (const symbol of program.symbols) {
      if (byId.get(symbol)?.formula === undefined) continue;
      if (!candidates.has(symbol))
        fail(id, false, `${quote(id)} names ${symbol}, whose formula is invalid`);
      else if (!visit(symbol, [...path, id]))
        fail(id, false, `${quote(id)} names ${symbol}, which cannot be computed (see its problem)`);
    }
    if (state.get(id) === "failed") return false;
    state.set(id, "done");
    order.push(id);
    return true;
  };
  for (const id of candidates.keys()) visit(id, []);
  return order;
}

/**
 * The warning for observations of a derived indicator: they are not used, since its values are
 * computed by its formula (to compare published values with the formula, give them under an
 * indicator of their own, without a formula).
 *
 * @example
 * derivedObservationsIssue("gdp_pc", 3, new Map([["gdp_pc", { formula: "gdp / population" }]])).code; // "derived-observations"
 */
export function derivedObservationsIssue(
  indicatorId: string,
  count: number,
  indicators: ReadonlyMap<string, Pick<Indicator, "formula">>,
  field = "observations",
): Issue {
  const formula = indicators.get(indicatorId)?.formula;
  const noun = count === 1 ? "observation" : "observations";
  const verb = count === 1 ? "is" : "are";
  return {
    severity: "warning",
    code: "derived-observations",
    message: `${count} ${noun} of ${indicatorId} ${verb} not used: it is derived by its formula ${JSON.stringify(formula)}, which gives its values; to compare published values with the formula, give them under an indicator of their own`,
    field,
  };
}
