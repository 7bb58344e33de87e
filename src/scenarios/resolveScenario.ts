import { checkArrayOf, checkObject } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { type Scenario, type ScenarioInput, ScenarioSchema } from "../schemas/scenario.js";

/**
 * Resolves a scenario against a list of named scenarios: looks it up by id (for a string),
 * validates it, and flattens its `extends` chain so the parent's assumptions come first and the
 * child's after them (later entries win at equal specificity). The result has no `extends`.
 *
 * @param scenario - a scenario id or a scenario object (as written in a file).
 * @param named - the scenarios it may refer to (a pack's named scenarios).
 * Content that needs the pack's data (override bounds, known ids, `toYear` after the data) is
 * checked when the scenario is projected and reported among the assessment's issues
 * (`scenarioContentIssues`).
 *
 * @throws {ArgumentRangeError} `resolveScenario: unknown scenario "x" (known: trend, plan)`;
 *   `resolveScenario: scenario "a" extends itself through "b"` for a cycle; `resolveScenario:
 *   invalid scenario "x": <path>: <message>` for a value out of range, e.g. `models.0.spec.rate:
 *   growth rate must be between -1 and 1: rates are fractions: 0.055 is 5.5% (a 3-point shock is
 *   -0.03)`. It is a `RangeError`.
 * @throws {ArgumentTypeError} `resolveScenario: invalid scenario "x": <path>: <message>` for any
 *   other schema problem (a missing or mistyped field); `resolveScenario: scenario must be a
 *   scenario id or a scenario object (got 42)`; `resolveScenario: named must be an array of
 *   scenarios (got nothing)`; `resolveScenario: named[0] must be a scenario object (got null)`.
 *   It is a `TypeError`.
 * @example
 * const base = { id: "base", nameEn: "Base", description: "x", models: [] };
 * resolveScenario({ id: "child", nameEn: "Child", description: "y", extends: "base" }, [base]).extends; // undefined
 */
export function resolveScenario(
  scenario: string | ScenarioInput,
  named: readonly ScenarioInput[],
): Scenario {
  return resolveScenarioWith(scenario, named, undefined);
}

/**
 * {@link resolveScenario} that parses each named scenario once per `parsed` memo (keyed by the
 * named scenario object), for a pack the library checked and holds (see `preparePack`), whose
 * scenario objects nothing changes. A scenario object given as `scenario` is parsed each time.
 * Not exported from the package.
 */
export function resolveScenarioWith(
  scenario: string | ScenarioInput,
  named: readonly ScenarioInput[],
  parsed: WeakMap<object, Scenario> | undefined,
): Scenario {
  if (
    typeof scenario !== "string" &&
    (typeof scenario !== "object" || scenario === null || Array.isArray(scenario))
  )
    throw new ArgumentTypeError(
      `resolveScenario: scenario must be a scenario id or a scenario object (got ${describeValue(scenario)})`,
      { code: scenario === undefined ? "missing-argument" : "invalid-type", path: "scenario" },
    );
  checkArrayOf(
    "resolveScenario",
    "named",
    named,
    (at, item) => checkObject("resolveScenario", at, item, "a scenario object"),
    "an array of scenarios",
  );
  const byId = new Map(named.map((s) => [s.id, s]));
  const lookup = (id: string): ScenarioInput => {
    const found = byId.get(id);
    if (found === undefined)
      throw new ArgumentRangeError(
        `resolveScenario: unknown scenario "${id}" (known: ${[...byId.keys()].join(", ")})`,
        { code: "unknown-id", path: "scenario" },
      );
    return found;
  };
  const namedInputs = new Set(named);
  const parse = (input: ScenarioInput): Scenario => {
    const memo = parsed !== undefined && namedInputs.has(input) ? parsed : undefined;
    const known = memo?.get(input);
    if (known !== undefined) return known;
    const result = parseScenario(input);
    memo?.set(input, result);
    return result;
  };
  const parseScenario = (input: ScenarioInput): Scenario => {
    const parsed = ScenarioSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        code: i.code,
        message: i.message,
        field: i.path.join("."),
      }));
      const first = parsed.error.issues[0];
      const path = first?.path.join(".") ?? "";
      const message = `resolveScenario: invalid scenario "${String(input.id)}": ${path === "" ? "" : `${path}: `}${first?.message ?? ""}`;
      const range = ["too_big", "too_small", "custom", "invalid_value"].includes(first?.code ?? "");
      const at = path === "" ? "scenario" : `scenario.${path}`;
      if (range) throw new ArgumentRangeError(message, { code: "out-of-range", path: at, issues });
      throw new ArgumentTypeError(message, { code: "invalid-type", path: at, issues });
    }
    return parsed.data;
  };
  const startInput = typeof scenario === "string" ? lookup(scenario) : scenario;
  // Inputs from the child up to the root; a named scenario may appear only once (no cycles).
  // A user's scenario may share the id of the named one it extends (a tweaked "trend").
  const inputs: ScenarioInput[] = [startInput];
  const visited = new Set<ScenarioInput>([startInput]);
  for (let parentId = startInput.extends; parentId !== undefined; ) {
    const parent = lookup(parentId);
    if (visited.has(parent))
      throw new ArgumentRangeError(
        `resolveScenario: scenario "${startInput.id}" extends itself through "${parentId}"`,
        { code: "out-of-range", path: "scenario.extends" },
      );
    visited.add(parent);
    inputs.push(parent);
    parentId = parent.extends;
  }
  const chain = inputs.map(parse).reverse();
  const start = chain[chain.length - 1] as Scenario;
  // Scalar settings: the nearest scenario that states one wins.
  const stated = <K extends "useQualityC" | "toYear">(key: K): Scenario[K] => {
    const input = inputs.find((s) => s[key] !== undefined);
    return input === undefined ? start[key] : (parse(input)[key] as Scenario[K]);
  };
  const { extends: _parent, deflators: _deflators, ...rest } = start;
  const deflators = chain.flatMap((s) => s.deflators ?? []);
  const merged: Scenario = {
    ...rest,
    models: chain.flatMap((s) => s.models),
    overrides: chain.flatMap((s) => s.overrides),
    shocks: chain.flatMap((s) => s.shocks),
    references: chain.flatMap((s) => s.references),
    uncertainty: chain.flatMap((s) => s.uncertainty),
    ...(deflators.length === 0 ? {} : { deflators }),
    useQualityC: stated("useQualityC"),
    toYear: stated("toYear"),
  };
  return merged;
}
