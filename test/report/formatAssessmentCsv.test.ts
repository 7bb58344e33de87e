import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/internal/parseCsv.js";
import {
  ASSESSMENT_CSV_COLUMNS,
  formatAssessmentCsv,
} from "../../src/report/formatAssessmentCsv.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import {
  expectNonFiniteRejected,
  quietAssessment,
  rd,
  sampleAssessment,
} from "./assessmentFixture.js";

function records(csv: string): Record<string, string>[] {
  const { records: rows, problems } = parseCsv(csv);
  expect(problems).toEqual([]);
  const [header, ...body] = rows;
  return body.map((r) =>
    Object.fromEntries((header?.fields ?? []).map((name, i) => [name, r.fields[i] ?? ""])),
  );
}

describe("formatAssessmentCsv", () => {
  const csv = formatAssessmentCsv(sampleAssessment);

  it("starts with a UTF-8 byte-order mark and the header, and ends lines with CRLF", () => {
    expect(csv.startsWith(`\uFEFF${ASSESSMENT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(formatAssessmentCsv(sampleAssessment, { bom: false }).startsWith("pack,")).toBe(true);
  });

  it("writes one row per target with every value", () => {
    const rows = records(csv);
    expect(rows.map((r) => r.target_id)).toEqual([
      "urbanization-resident",
      "rd-expenditure",
      "trade-growth",
      "central-city-gdp-share",
    ]);
    const u = rows[0] as Record<string, string>;
    expect(u).toMatchObject({
      pack: "qujing",
      scenario: "trend",
      name_zh: "常住人口城镇化率",
      year: "2025",
      comparator: ">=",
      target: "60",
      unit: "%",
      latest_year: "2023",
      latest_value: "53.6",
      projected: "56.9",
      interval_lower: "55.3",
      interval_level: "0.8",
      met: "false",
      gap_absolute: "-3.1",
      // −3.1 / 60 = −0.0516666…, 12 significant digits
      gap_relative: "-0.0516666666667",
      first_year_met: "",
      probability: "",
      status: "off-track",
      status_zh: "预计难以完成",
    });
    // Two notes → one field, one note a line (a quoted line break, RFC 4180 §2.6).
    expect(u.notes).toBe(
      "Projected with the logistic trend of 2010–2023.\nQuality-C figure for 2021 not used.",
    );
    expect((rows[2] as Record<string, string>).missing).toBe(
      "city · trade · year 2020: the base-year value the growth is measured from\n" +
        "city · trade · at least 1 of 2021–2024: a recent value, to measure growth so far",
    );
  });

  it("rounds binary noise away", () => {
    // gap 66.81 − 63 = 3.8100000000000023 in doubles
    expect((records(csv)[1] as Record<string, string>).gap_absolute).toBe("3.81");
  });

  it("quotes fields with commas and quotes, doubling the quotes (RFC 4180 §2.6–2.7)", () => {
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      rows: [{ ...rd, nameEn: 'R&D, "all sectors"' }],
    });
    const out = formatAssessmentCsv(tricky, { bom: false });
    expect(out).toContain(',"R&D, ""all sectors""",');
    expect((records(out)[0] as Record<string, string>).name_en).toBe('R&D, "all sectors"');
  });

  it("guards text cells that a spreadsheet would run as a formula, and leaves numbers alone", () => {
    // OWASP, CSV Injection: prefix cells starting with = + - @ tab or CR with a single quote.
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      rows: [
        {
          ...rd,
          nameZh: "+1 研发",
          nameEn: "@SUM(A1)",
          latest: { year: 2023, value: 64.2, source: '=HYPERLINK("http://x","y")' },
          gap: { absolute: -1.5, relative: -0.025 },
          notes: ["-2 points", "\tx"],
        },
      ],
    });
    const out = formatAssessmentCsv(tricky, { bom: false });
    expect(out).toContain(',"\'=HYPERLINK(""http://x"",""y"")",');
    const r = records(out)[0] as Record<string, string>;
    expect([r.name_zh, r.name_en, r.latest_source, r.notes]).toEqual([
      "'+1 研发",
      "'@SUM(A1)",
      '\'=HYPERLINK("http://x","y")',
      "'-2 points\n\tx",
    ]);
    expect([r.gap_absolute, r.gap_relative]).toEqual(["-1.5", "-0.025"]);
  });

  it("writes the rows of several assessments under one header", () => {
    const rows = records(formatAssessmentCsv([sampleAssessment, quietAssessment]));
    expect(rows.map((r) => r.scenario)).toEqual(["trend", "trend", "trend", "trend", "plan"]);
  });

  it("throws a TypeError naming the field for a number that is not finite, instead of printing it", () => {
    expectNonFiniteRejected("formatAssessmentCsv", (a) => formatAssessmentCsv(a));
  });

  it("runs its TSDoc example", () => {
    const out = formatAssessmentCsv({ ...quietAssessment, rows: [] }, { bom: false });
    expect(out.startsWith("pack,scenario,target_id,name_zh,name_en,")).toBe(true);
  });
});
