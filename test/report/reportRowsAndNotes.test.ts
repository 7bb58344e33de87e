// Which rows a report shows (`only`), notes given once, "data as of" the judged targets' data,
// and control characters from the data in every output format.
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { formatAssessmentCsv } from "../../src/report/formatAssessmentCsv.js";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { buildReportDocument, type ReportRows } from "../../src/report/reportDocument.js";
import type { Assessment } from "../../src/schemas/assessment.js";
import { sampleAssessment } from "./assessmentFixture.js";

/** The sample's target ids: one row of each status (trade-growth is insufficient-data). */
const JUDGED = ["urbanization-resident", "rd-expenditure", "central-city-gdp-share"];

describe('only: "judged"', () => {
  const doc = buildReportDocument(sampleAssessment, { only: "judged" });
  const s = doc.scenarios[0];

  it("leaves the insufficient-data rows out of the table and counts them", () => {
    expect(s?.targets.rows.map((r) => r.values.target_id)).toEqual(JUDGED);
    expect(s?.header.targetCount).toBe(4);
    expect(s?.header.hiddenCount).toBe(1);
  });

  it("keeps them in the data readiness list, with what they need", () => {
    expect(s?.readiness.map((r) => r.targetId)).toEqual(["trade-growth"]);
    expect(s?.readiness[0]?.needs.length).toBeGreaterThan(0);
  });

  it("leaves the notes of the hidden rows out", () => {
    expect(s?.notes.map((n) => n.targetId)).toEqual(["urbanization-resident"]);
  });

  it("shows every row by default and with only: all", () => {
    for (const options of [{}, { only: "all" as const }]) {
      const all = buildReportDocument(sampleAssessment, options).scenarios[0];
      expect(all?.targets.rows).toHaveLength(4);
      expect(all?.header.hiddenCount).toBe(0);
    }
  });

  it("is followed by the text, Markdown and CSV reports", () => {
    const text = formatAssessmentText(sampleAssessment, { only: "judged" });
    expect(text).toContain(
      "1 insufficient-data target is not shown; the data readiness list says what it needs.",
    );
    expect(text).not.toMatch(/^ {2}trade-growth\s+\S.*insufficient-data/m);
    const md = formatAssessmentMarkdown(sampleAssessment, { only: "judged" });
    expect(md).not.toContain("| `trade-growth`");
    expect(md).toContain("### `trade-growth` — ");
    const csv = formatAssessmentCsv(sampleAssessment, { only: "judged", bom: false });
    // The header and one line per judged target.
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + JUDGED.length);
    expect(csv).not.toContain("trade-growth");
  });

  it("refuses another value, naming the option and the nearest value", () => {
    const bad = "judge" as ReportRows;
    expect(() => buildReportDocument(sampleAssessment, { only: bad })).toThrow(ArgumentRangeError);
    expect(() => formatAssessmentCsv(sampleAssessment, { only: bad })).toThrow(
      'formatAssessmentCsv: options.only must be "all" or "judged"; did you mean "judged"? (got the string "judge")',
    );
  });
});

describe("notes that several targets carry", () => {
  const SOURCE_NOTE = "sources differ for city gdp: 2013: used 1583.94 (CSMAR_GH, A)";
  const shared: Assessment = {
    ...sampleAssessment,
    rows: sampleAssessment.rows.map((r, i) => ({
      ...r,
      notes: i === 1 ? [SOURCE_NOTE] : [...r.notes, SOURCE_NOTE],
    })),
  };

  it("are given once with the ids of the targets, each target keeping its own notes", () => {
    const s = buildReportDocument(shared).scenarios[0];
    expect(s?.sharedNotes).toEqual([
      {
        note: SOURCE_NOTE,
        targetIds: [
          "urbanization-resident",
          "rd-expenditure",
          "trade-growth",
          "central-city-gdp-share",
        ],
      },
    ]);
    expect(s?.notes.map((n) => [n.targetId, n.notes.length])).toEqual([
      ["urbanization-resident", 2],
      ["trade-growth", 1],
    ]);
  });

  it("are printed once in the text and Markdown reports", () => {
    const count = (text: string) => text.split("sources differ for city gdp").length - 1;
    const text = formatAssessmentText(shared);
    expect(count(text)).toBe(1);
    expect(text).toContain(
      "  urbanization-resident, rd-expenditure, trade-growth, central-city-gdp-share\n" +
        `    - ${SOURCE_NOTE}\n`,
    );
    const md = formatAssessmentMarkdown(shared);
    expect(count(md)).toBe(1);
    expect(md).toContain(
      "- `urbanization-resident`, `rd-expenditure`, `trade-growth`, `central-city-gdp-share`: sources differ",
    );
  });

  it("stay with every row in the CSV, which has one row per target", () => {
    const csv = formatAssessmentCsv(shared, { bom: false });
    expect(csv.split("sources differ for city gdp").length - 1).toBe(4);
  });
});

describe("data as of", () => {
  // Under trend the resident urbanization rate (one value, 2020, with the county panel's summary),
  // the central city's GDP share (county GDP ends in 2021) and the two GDP targets are
  // judged: GDP at constant prices ends in 2023 (the last year of the GDP index: gdp-2035-double's
  // latest observation, judged at constant prices), and so do the city's GDP and the rank, while
  // the resident population reaches 2024.
  const trend = assessPack(qujingPack, "trend");

  it("is the latest year the judged targets' data reach, not the latest year of any series", () => {
    const judged = trend.rows.filter((r) => r.status !== "insufficient-data");
    expect(judged.map((r) => [r.targetId, r.latest?.year])).toEqual([
      ["urbanization-resident", 2020],
      ["central-city-gdp-share", 2021],
      ["gdp-rank-top70", 2023],
      ["gdp-2035-double", 2023],
    ]);
    expect(trend.asOf).toBe(2024);
    expect(buildReportDocument(trend).scenarios[0]?.header.asOf).toBe(2023);
  });

  it("is what the text and Markdown reports say", () => {
    expect(formatAssessmentText(trend)).toContain("Data as of 2023 ·");
    expect(formatAssessmentText(trend)).not.toContain("Data as of 2024");
    expect(formatAssessmentMarkdown(trend)).toContain("Data as of 2023.");
  });

  it("falls back to the assessment's asOf when no target is judged", () => {
    const none: Assessment = {
      ...sampleAssessment,
      asOf: 2019,
      rows: sampleAssessment.rows.filter((r) => r.status === "insufficient-data"),
    };
    expect(buildReportDocument(none).scenarios[0]?.header.asOf).toBe(2019);
  });
});

describe("control characters from the data", () => {
  // ESC [ 2 J clears a terminal; NUL, BEL, DEL and the C1 CSI (U+009B) are controls too.
  const hostile = "曲靖\u001b[2J\u0000\u0007\u007f\u009bx";
  const a: Assessment = {
    ...sampleAssessment,
    scenarioName: hostile,
    rows: sampleAssessment.rows.map((r) => ({
      ...r,
      nameEn: hostile,
      notes: [hostile],
      latest: r.latest === null ? null : { ...r.latest, source: hostile },
    })),
  };
  // Every control character but tab, CR and LF.
  const CONTROLS = /[^\P{Cc}\t\r\n]/u;

  it("are replaced in the text report", () => {
    expect(formatAssessmentText(a)).not.toMatch(CONTROLS);
    expect(formatAssessmentText(a)).toContain("曲靖\uFFFD[2J\uFFFD\uFFFD\uFFFD\uFFFDx");
  });

  it("are replaced in the Markdown report (after its own escapes)", () => {
    const md = formatAssessmentMarkdown(a);
    expect(md).not.toMatch(CONTROLS);
    expect(md).toContain("曲靖\uFFFD\\[2J\uFFFD\uFFFD\uFFFD\uFFFDx");
    expect(formatAssessmentMarkdown({ ...a, scenarioName: "a\tb\u000bc" })).toContain("(a b c)");
  });

  it("are replaced in the CSV report, names, notes and sources alike", () => {
    const csv = formatAssessmentCsv(a, { bom: false });
    expect(csv).not.toMatch(CONTROLS);
    expect(csv.split("曲靖\uFFFD[2J\uFFFD\uFFFD\uFFFD\uFFFDx").length - 1).toBe(
      // name_en and notes on each of 4 rows, latest_source on the 3 rows with an observation
      4 * 2 + 3,
    );
  });
});
