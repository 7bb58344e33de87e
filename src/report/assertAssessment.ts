import { z } from "zod";
import { type Assessment, AssessmentSchema } from "../schemas/assessment.js";

const AssessmentListSchema = z.array(AssessmentSchema);

/**
 * Checks that a report builder was handed what `AssessmentSchema` describes (finite numbers,
 * integer years, ids, …), so that no report prints `NaN`, `Infinity` or `undefined`. A list is
 * checked item by item; the path of the first problem starts with the item's index.
 *
 * @param fn - the name of the calling function, which starts the message.
 * @throws {TypeError} `<fn>: the assessment does not match AssessmentSchema (<path>: <message>)`,
 *   e.g. `(rows.0.interval.upper: Invalid input: expected number, received Infinity)`.
 */
export function assertAssessment(fn: string, value: Assessment | readonly Assessment[]): void {
  const checked = Array.isArray(value)
    ? AssessmentListSchema.safeParse(value)
    : AssessmentSchema.safeParse(value);
  if (checked.success) return;
  const first = checked.error.issues[0];
  throw new TypeError(
    `${fn}: the assessment does not match AssessmentSchema (${first?.path.join(".") ?? ""}: ${first?.message ?? ""})`,
  );
}
