import * as z from "zod";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import { type Assessment, AssessmentSchema } from "./assessment.js";

const AssessmentListSchema = z.array(AssessmentSchema);

/**
 * Checks that a report builder was handed what `AssessmentSchema` describes (finite numbers,
 * integer years, ids, …), so that no report prints `NaN`, `Infinity` or `undefined`. A list is
 * checked item by item; the path of the first problem starts with the item's index. With
 * `"one"`, a list is refused.
 *
 * @param fn - the name of the calling function, which starts the message.
 * @throws {ArgumentTypeError} (`path: "assessment"`) `<fn>: assessment must be an assessment or a
 *   list of them (got nothing)` for a value that is not an object or a list;
 *   `<fn>: the assessment does not match AssessmentSchema (<path>: <message>)`, e.g.
 *   `(rows.0.interval.upper: Invalid input: expected number, received Infinity)`.
 */
export function assertAssessment(
  fn: string,
  value: Assessment | readonly Assessment[],
  list: "list allowed" | "one" = "list allowed",
): void {
  const what = list === "one" ? "an assessment" : "an assessment or a list of them";
  if (typeof value !== "object" || value === null || (list === "one" && Array.isArray(value)))
    throw new ArgumentTypeError(`${fn}: assessment must be ${what} (got ${describeValue(value)})`, {
      code: value === undefined ? "missing-argument" : "invalid-type",
      path: "assessment",
    });
  const checked = Array.isArray(value)
    ? AssessmentListSchema.safeParse(value)
    : AssessmentSchema.safeParse(value);
  if (checked.success) return;
  const first = checked.error.issues[0];
  throw new ArgumentTypeError(
    `${fn}: the assessment does not match AssessmentSchema (${first?.path.join(".") ?? ""}: ${first?.message ?? ""})`,
    { code: "invalid-type", path: "assessment" },
  );
}
