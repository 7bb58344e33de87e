// Formats that draw charts render one scenario: the assessment of a report input, or an error.

import { ArgumentRangeError } from "../../internal/errors.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { ReportFormatInput } from "../reportFormatDefinition.js";

/** The one assessment of `input`; a list of more than one is refused, naming the format. */
export function singleAssessment(input: ReportFormatInput, format: string): Assessment {
  const list = Array.isArray(input.assessment) ? input.assessment : [input.assessment];
  if (list.length !== 1)
    throw new ArgumentRangeError(
      `${input.fn}: the ${format} format renders one assessment (got a list of ${list.length}); render each scenario on its own`,
      { code: "out-of-range", path: "assessment" },
    );
  return list[0] as Assessment;
}
