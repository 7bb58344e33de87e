import { type Scenario, type ScenarioInput, ScenarioSchema } from "../schemas/scenario.js";

/**
 * Resolves a scenario against a list of named scenarios: looks it up by id (for a string),
 * validates it, and flattens its `extends` chain so the parent's assumptions come first and the
 * child's after them (later entries win at equal specificity). The result has no `extends`.
 *
 * @param scenario - a scenario id or a scenario object (as written in a file).
 * @param named - the scenarios it may refer to (a pack's named scenarios).
 * @throws {RangeError} `resolveScenario: unknown scenario "x" (known: trend, plan)`;
 *   `resolveScenario: scenario "a" extends itself through "b"` for a cycle.
 * @throws {TypeError} `resolveScenario: invalid scenario "x": <path>: <message>` when it does not
 *   match the schema.
 * @example
 * const base = { id: "base", nameEn: "Base", description: "x", models: [] };
 * resolveScenario({ id: "child", nameEn: "Child", description: "y", extends: "base" }, [base]).extends; // undefined
 */
export function resolveScenario(
  scenario: string | ScenarioInput,
  named: readonly ScenarioInput[],
): Scenario {
  const byId = new Map(named.map((s) => [s.id, s]));
  const lookup = (id: string): ScenarioInput => {
    const found = byId.get(id);
    if (found === undefined)
      throw new RangeError(
        `resolveScenario: unknown scenario "${id}" (known: ${[...byId.keys()].join(", ")})`,
      );
    return found;
  };
  const parse = (input: ScenarioInput): Scenario => {
    const parsed = ScenarioSchema.safeParse(input);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const path = first?.path.join(".") ?? "";
      throw new TypeError(
        `resolveScenario: invalid scenario "${String(input.id)}": ${path === "" ? "" : `${path}: `}${first?.message ?? ""}`,
      );
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
      throw new RangeError(
        `resolveScenario: scenario "${startInput.id}" extends itself through "${parentId}"`,
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
  const { extends: _parent, ...rest } = start;
  const merged: Scenario = {
    ...rest,
    models: chain.flatMap((s) => s.models),
    overrides: chain.flatMap((s) => s.overrides),
    shocks: chain.flatMap((s) => s.shocks),
    references: chain.flatMap((s) => s.references),
    uncertainty: chain.flatMap((s) => s.uncertainty),
    useQualityC: stated("useQualityC"),
    toYear: stated("toYear"),
  };
  return merged;
}
