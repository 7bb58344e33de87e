import type { ModelSpec } from "../models/modelRegistry.js";
import type { Indicator } from "../schemas/indicator.js";

/**
 * The model used for an indicator when a scenario names none, by the indicator's kind. Levels
 * follow a random walk with drift on the log scale (their average growth continues); rates a
 * logistic (logit-linear) trend that stays inside their bounds; counts a drift on the linear scale.
 */
export function defaultModel(indicator: Indicator): { spec: ModelSpec; reason: string } {
  if (indicator.kind === "rate")
    return {
      spec: { kind: "logistic" },
      reason: "library default for rates: logistic (logit-linear) trend, stays inside the bounds",
    };
  return {
    spec: { kind: "drift" },
    reason: `library default for ${indicator.kind}s: random walk with drift (average past growth continues)`,
  };
}
