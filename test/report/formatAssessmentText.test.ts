import { describe, expect, it } from "vitest";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { displayWidth } from "../../src/report/internal/displayWidth.js";
import {
  expectNonFiniteRejected,
  quietAssessment,
  rd,
  sampleAssessment,
} from "./assessmentFixture.js";

/** Terminal column at which `needle` ends in `line`. */
function endColumn(line: string, needle: string): number {
  const at = line.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in "${line}"`);
  return displayWidth(line.slice(0, at + needle.length));
}

/** Terminal column at which `needle` starts in `line`. */
function startColumn(line: string, needle: string): number {
  const at = line.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in "${line}"`);
  return displayWidth(line.slice(0, at));
}

function lineStarting(lines: readonly string[], prefix: string): number {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with "${prefix}"`);
  return i;
}

describe("formatAssessmentText", () => {
  const text = formatAssessmentText(sampleAssessment);
  const lines = text.split("\n");

  it("starts with the pack, scenario and a count of each status", () => {
    expect(lines[0]).toBe("qujing · trend — Trend continuation");
    expect(lines[1]).toBe(
      "Data as of 2023 · 4 targets: 1 achieved 已完成, 1 needs-acceleration 需加快进度, " +
        "1 off-track 预计难以完成, 1 insufficient-data 数据不足",
    );
  });

  it("uses a given title", () => {
    expect(formatAssessmentText(sampleAssessment, { title: "曲靖市 Qujing" }).split("\n")[0]).toBe(
      "曲靖市 Qujing",
    );
  });

  it("prints no control character from the data: line breaks and tabs become spaces, others U+FFFD", () => {
    // A scenario file's name could carry an ANSI escape (ESC [ 2 J clears the screen) or a line
    // break that would split the title; a name with ESC would also be miscounted in the layout.
    const text = formatAssessmentText(
      {
        ...quietAssessment,
        scenarioName: "Plan\r\npath\u001b[2J",
        rows: [{ ...rd, scenario: "plan", nameEn: "R&D\u001b[31m\u0007" }],
      },
      { notes: false },
    );
    const out = text.split("\n");
    expect(out[0]).toBe("qujing · plan — Plan path\uFFFD[2J");
    expect(out[lineStarting(out, "研究与试验发展经费投入") + 1]).toBe("R&D\uFFFD[31m\uFFFD");
    expect([...text].filter((c) => c !== "\n" && /\p{Cc}/u.test(c))).toEqual([]);
    expect(formatAssessmentText(quietAssessment, { title: "A\tB\rC\u009b" }).split("\n")[0]).toBe(
      "A B C\uFFFD",
    );
  });

  it("shows every field of a row, with the names under the id", () => {
    const i = lineStarting(lines, "urbanization-resident ");
    const [first, second, third, fourth] = lines.slice(i, i + 4) as [
      string,
      string,
      string,
      string,
    ];
    for (const cell of ["2025", "≥ 60%", "53.6 (2023)", "56.9", "-3.1", "req. +5.8%", "exp. 60%"])
      expect(first).toContain(cell);
    expect(first).toMatch(/off-track$/);
    // gap −3.1 / 60 = −5.2%; implied (56.9/53.6)^(1/2) − 1 = 3.0%; actual 3.4 / 9.8 = 35%
    for (const cell of ["常住人口城镇化率", "[55.3, 58.4]", "(-5.2%)", "impl. +3.0%", "act. 35%"])
      expect(second).toContain(cell);
    expect(second).toMatch(/预计难以完成$/);
    // The English name is wrapped to 30 columns.
    expect(third).toBe("Resident-population");
    expect(fourth).toBe("urbanization rate");
  });

  it("aligns columns by display width when a line holds Chinese text", () => {
    const i = lineStarting(lines, "urbanization-resident ");
    const first = lines[i] as string;
    const second = lines[i + 1] as string;
    // Right-aligned: the projected value and its interval end in the same column.
    expect(endColumn(second, "[55.3, 58.4]")).toBe(endColumn(first, "56.9"));
    // Left-aligned: the status and its Chinese label start in the same column.
    expect(startColumn(second, "预计难以完成")).toBe(startColumn(first, "off-track"));
    const header = lines[lineStarting(lines, "Target ")] as string;
    expect(startColumn(first, "off-track")).toBe(startColumn(header, "Status"));
  });

  it("shows a missing value as an em dash and the probability when there is one", () => {
    const trade = lines[lineStarting(lines, "trade-growth ")] as string;
    expect(trade).toMatch(/≥ 15%\/yr\s+—\s+—\s+—\s+—\s+—\s+—\s+—\s+insufficient-data$/);
    const share = lines[lineStarting(lines, "central-city-gdp-share ")] as string;
    expect(share).toContain("≈ 65%");
    expect(share).toContain(" 42% ");
    expect(text).toContain("P: probability of attainment");
    expect(text).toContain("Intervals: 80% prediction intervals.");
  });

  it("never prints long binary fractions", () => {
    expect(text).not.toMatch(/\d\.\d{6,}/);
  });

  it("lists the notes of each row", () => {
    expect(text).toContain(
      "Notes\n  urbanization-resident\n    - Projected with the logistic trend of 2010–2023.\n" +
        "    - Quality-C figure for 2021 not used.\n  trade-growth\n    - No trade figures in the pack.\n",
    );
  });

  it("wraps long notes and data needs to 100 columns with a hanging indent", () => {
    const long = "word ".repeat(60).trim();
    const wrapped = formatAssessmentText({
      ...sampleAssessment,
      rows: sampleAssessment.rows.map((r) => ({ ...r, notes: [long] })),
    }).split("\n");
    const i = lineStarting(wrapped, "Notes");
    expect(wrapped[i + 2]?.startsWith("    - word")).toBe(true);
    expect(wrapped[i + 3]?.startsWith("      word")).toBe(true);
    for (const line of wrapped.slice(i, i + 5)) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it("shows a discrepancy with no place data as an em dash", () => {
    const out = formatAssessmentText({
      ...sampleAssessment,
      discrepancies: [{ ...sampleAssessment.discrepancies[0]!, placesWithData: [] }],
    });
    expect(out).toMatch(/\+0\.21% {2}—\n/);
  });

  it("lists the observations that would make each insufficient-data target evaluable", () => {
    const i = lineStarting(lines, "Data readiness");
    expect(lines.slice(i, i + 4)).toEqual([
      "Data readiness — what would make the 1 insufficient-data target(s) evaluable",
      "  trade-growth  外贸进出口总额年均增长 / CAGR of total foreign trade",
      "    - city · trade · year 2020: the base-year value the growth is measured from",
      "    - city · trade · at least 1 of 2021–2024: a recent value, to measure growth so far",
    ]);
  });

  it("tabulates the discrepancies and lists the issues", () => {
    const i = lineStarting(lines, "Discrepancies");
    // relative 0.0021 → +0.21%; 3393.92 → 3,394; 3401.047232 → 3,401
    expect(lines[i + 3]).toBe(
      "  city   gdp        2022     3,394       3,401      +0.21%  3: qilin, zhanyi, malong",
    );
    expect(text).toContain("Issues (1)\n  data.csv:4: warning: two sources disagree");
  });

  it("says when there is nothing to report, and leaves out the probability column", () => {
    const quiet = formatAssessmentText(quietAssessment);
    expect(quiet).toContain("Data readiness: every target can be evaluated.");
    expect(quiet).toContain("Discrepancies (group observed vs aggregated from places): none.");
    expect(quiet).not.toContain("Issues");
    expect(quiet).not.toMatch(/ P /);
    expect(quiet).not.toContain("Notes");
  });

  it("formats several assessments one after the other", () => {
    const both = formatAssessmentText([sampleAssessment, quietAssessment]);
    expect(both).toContain("qujing · trend — Trend continuation");
    expect(both).toContain("qujing · plan — Plan path");
    expect(both.endsWith("\n")).toBe(true);
  });

  it("throws a TypeError naming the field for a number that is not finite, instead of printing it", () => {
    expectNonFiniteRejected("formatAssessmentText", (a) => formatAssessmentText(a));
  });

  it("runs its TSDoc example", () => {
    const out = formatAssessmentText({
      pack: "demo",
      scenario: "trend",
      scenarioName: "Trend",
      asOf: 2023,
      rows: [],
      discrepancies: [],
      readiness: [],
      issues: [],
    });
    expect(out.split("\n")[0]).toBe("demo · trend — Trend");
  });
});

describe("formatAssessmentText: regional disparity", () => {
  it("formatAssessmentText prints the disparity measures across places and what a comparison lacks", async () => {
    const { assessPack } = await import("../../src/assessment/assessPack.js");
    const { syntheticPack } = await import("../helpers/syntheticPack.js");
    const text = formatAssessmentText(assessPack(syntheticPack(), "steady"));
    // urbanization 2020: east 75%, west 33.3%, weights 40 and 60 (population): mean 50;
    // weighted CV √(0.4·25² + 0.6·16.67²)/50 = 0.408; Theil 0.6·ln 1.5 + 0.4·ln(2/3) = 0.081;
    // Gini 2·0.4·0.6·41.67/(2·50) = 0.200; max/min 75/33.3 = 2.25
    expect(text).toContain("Regional disparity 区域差距");
    expect(text).toMatch(
      /urbanization +2020 +observed +2 +0\.408 +0\.081 +0\.200 +2\.25 +west → east/,
    );
  });
});
