// Arbitrary JSON for the assessment or the options of the report builders gives a report or the
// library's argument error naming the function and a parameter; never another error.
import fc from "fast-check";
import {
  buildReportDocument,
  formatAssessmentCsv,
  formatAssessmentMarkdown,
  formatAssessmentText,
} from "regionsim";
import { describe, it } from "vitest";
import { loose, returnsOrOwnError } from "../assessment/entryErrors.js";
import { sampleAssessment } from "./assessmentFixture.js";

const json = fc.jsonValue({ maxDepth: 3 });

describe("report builders with arbitrary JSON", () => {
  it("every report builder gives a report or its own error for any assessment or options", () => {
    const builders = {
      formatAssessmentText,
      formatAssessmentMarkdown,
      formatAssessmentCsv,
      buildReportDocument,
    } as const;
    fc.assert(
      fc.property(json, (v) => {
        for (const [fn, build] of Object.entries(builders)) {
          const f = build as (a: unknown, o?: unknown) => unknown;
          returnsOrOwnError(fn, ["assessment", "options"], () => f(v));
          returnsOrOwnError(fn, ["assessment", "options"], () => f(sampleAssessment, v));
          returnsOrOwnError(fn, ["assessment", "options"], () => f(loose([sampleAssessment, v])));
        }
      }),
      { numRuns: 60 },
    );
  });
});
