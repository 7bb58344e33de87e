/**
 * Throws the RangeError of a plan that contradicts itself: `simulate: <message>`. The plan is a
 * contract between the scenario runner and the engine, so a broken one is a programming error.
 */
export function failPlan(message: string): never {
  throw new RangeError(`simulate: ${message}`);
}
