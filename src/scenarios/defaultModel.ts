import { checkObject, checkOneOf } from "../internal/checkArgs.js";
import type { ModelSpec } from "../models/modelRegistry.js";
import type { Indicator } from "../schemas/indicator.js";

/**
 * The model used for an indicator when a scenario names none, by the indicator's kind, as the
 * backtest over every Chinese prefecture-level unit chose (docs/backtest.md, `npm run backtest`):
 * - levels: the Theta method on the log scale — the most accurate and least biased for GDP
 *   1–5 years ahead from 2008–2017 origins (MAPE 6.6% at h = 1, 22.8% at h = 5; drift and trends
 *   over-forecast the 2010s slowdown by up to 50%);
 * - rates: a random walk with drift on the logit scale — a logistic curve through the last
 *   observation, best interval coverage on the tertiary-industry share;
 * - counts: a drift on the linear scale (no evidence either way; the simplest model that
 *   continues the observed change).
 *
 * @param indicator - an indicator; only its `kind` (`"level"`, `"rate"` or `"count"`) is read.
 * @throws {ArgumentTypeError} `defaultModel: indicator must be an indicator { id, kind, unit, … }
 *   (got nothing)`.
 * @throws {ArgumentRangeError} `defaultModel: indicator.kind must be "level", "rate" or "count";
 *   did you mean "rate"? (got the string "rates")`.
 * @example
 * defaultModel({ kind: "level" }).spec; // { kind: "theta" }
 */
export function defaultModel(indicator: Indicator): { spec: ModelSpec; reason: string } {
  const i = checkObject(
    "defaultModel",
    "indicator",
    indicator,
    "an indicator { id, kind, unit, … }",
  );
  checkOneOf("defaultModel", "indicator.kind", i.kind, ["level", "rate", "count"]);
  if (indicator.kind === "rate")
    return {
      spec: { kind: "drift" },
      reason: "library default for rates: drift on the logit scale (backtest, docs/backtest.md)",
    };
  if (indicator.kind === "level")
    return {
      spec: { kind: "theta" },
      reason: "library default for levels: the Theta method (backtest, docs/backtest.md)",
    };
  return {
    spec: { kind: "drift" },
    reason: "library default for counts: random walk with drift (the observed change continues)",
  };
}
