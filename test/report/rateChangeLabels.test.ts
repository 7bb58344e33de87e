import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/internal/parseCsv.js";
import { formatAssessmentCsv } from "../../src/report/formatAssessmentCsv.js";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { type Assessment, AssessmentSchema } from "../../src/schemas/assessment.js";
import { sampleAssessment, urbanization } from "./assessmentFixture.js";

// The fixture's urbanization: latest 53.6 in 2023, target 60 in 2025, projected 56.9:
// required (60 − 53.6) / 2 = 3.2 pp/yr; implied (56.9 − 53.6) / 2 = 1.65 pp/yr → "+1.6" or
// "+1.7" by rounding; we state 1.6 exactly to avoid the tie.
const rate = {
  ...urbanization,
  requiredChange: 3.2,
  impliedChange: 1.6,
  changeUnit: "pp/yr" as const,
  statusBasis: "projection" as const,
};
const assessment: Assessment = AssessmentSchema.parse({
  ...sampleAssessment,
  rows: [rate, ...sampleAssessment.rows.slice(1)],
});

describe("reports label a rate's change in points a year", () => {
  it("formatAssessmentText and formatAssessmentMarkdown show `req. +3.2 pp/yr` for a rate", () => {
    for (const out of [formatAssessmentText(assessment), formatAssessmentMarkdown(assessment)]) {
      expect(out).toContain("req. +3.2 pp/yr");
      expect(out).toContain("impl. +1.6 pp/yr");
      // The level rows keep their relative growth.
      expect(out).not.toContain("req. +5.8%");
    }
  });

  it("formatAssessmentCsv carries the change in points, its unit and the status basis", () => {
    const { records } = parseCsv(formatAssessmentCsv(assessment));
    const [header, first] = records;
    const field = (name: string) => first?.fields[header?.fields.indexOf(name) ?? -1];
    expect(field("required_change")).toBe("3.2");
    expect(field("implied_change")).toBe("1.6");
    expect(field("change_unit")).toBe("pp/yr");
    expect(field("status_basis")).toBe("projection");
  });
});
