import { checkObject, checkOneOf } from "../internal/checkArgs.js";
import type { ModelSpec } from "../models/modelRegistry.js";
import type { Indicator } from "../schemas/indicator.js";

/**
 * The model used for an indicator when a scenario names none, by the indicator's kind, as the
 * backtest over every Chinese prefecture-level unit chose (docs/backtest.md, `npm run backtest`):
 * - levels: `{ kind: "auto", method: "combine" }` on the log scale, the equal-weight combination
 *   of theta, damped Holt and drift (drift shrunk toward a panel when the fit is given one) — the
 *   lowest pooled MASE on GDP 1–5 years ahead from the 2008–2017 origins on both panels (2.32
 *   against theta's 2.38 on the prefectures, 2.59 against 2.61 on the counties; 2.19 and 2.48
 *   with the county or prefecture panel), with 80% intervals covering 82–84% (theta 91–93%);
 *   theta keeps the lower MAPE and bias (docs/backtest.md, *Borrowing strength and combination*);
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
 * defaultModel({ kind: "level" }).spec; // { kind: "auto", method: "combine" }
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
      spec: { kind: "auto", method: "combine" },
      reason:
        "library default for levels: combination of theta, damped Holt and drift (backtest, docs/backtest.md)",
    };
  return {
    spec: { kind: "drift" },
    reason: "library default for counts: random walk with drift (the observed change continues)",
  };
}
