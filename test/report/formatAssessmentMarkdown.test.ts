import { describe, expect, it } from "vitest";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { AssessmentSchema } from "../../src/schemas/assessment.js";
import {
  expectNonFiniteRejected,
  quietAssessment,
  rd,
  sampleAssessment,
} from "./assessmentFixture.js";

/** Cells of a Markdown table row, split at pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .replace(/^\|\s?|\s?\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe("formatAssessmentMarkdown", () => {
  const md = formatAssessmentMarkdown(sampleAssessment);
  const lines = md.split("\n");

  it("starts with a heading and a summary", () => {
    expect(lines[0]).toBe("# qujing · trend — Trend continuation");
    expect(md).toContain("Data as of 2023. 4 targets: 1 achieved 已完成,");
  });

  it("has a table of every target with the same number of cells in every row", () => {
    const table = lines.filter((l) => l.startsWith("| "));
    const header = table[0] as string;
    expect(cells(header)).toEqual([
      "Target",
      "Year",
      "Target value",
      "Latest (year)",
      "Projected [interval]",
      "Gap (relative)",
      "Growth a year (req. / impl.)",
      "Met in",
      "序时进度 (exp. / act.)",
      "P",
      "Status",
    ]);
    // header, alignment row, 4 targets, then the discrepancy table (header, alignment, 1 row)
    expect(table).toHaveLength(6 + 3);
    for (const row of table.slice(0, 6)) expect(cells(row)).toHaveLength(11);
  });

  it("stacks the names under the id and the interval under the projection", () => {
    const row = lines.find((l) => l.startsWith("| `urbanization-resident`")) as string;
    expect(cells(row)).toEqual([
      "`urbanization-resident`<br>常住人口城镇化率<br>Resident-population urbanization rate",
      "2025",
      "≥ 60%",
      "53.6 (2023)",
      // Brackets are escaped in every cell (they render as [55.3, 58.4]).
      "56.9<br>\\[55.3, 58.4\\]",
      // −3.1 / 60 = −5.2%
      "-3.1<br>(-5.2%)",
      // (60/53.6)^(1/2) − 1 = 5.8%; (56.9/53.6)^(1/2) − 1 = 3.0%
      "req. +5.8%<br>impl. +3.0%",
      "—",
      // (2023 − 2020)/(2025 − 2020) = 60%; (53.6 − 50.2)/(60 − 50.2) = 35%
      "exp. 60%<br>act. 35%",
      "—",
      "off-track<br>预计难以完成",
    ]);
  });

  it("lists notes, data readiness, discrepancies and issues in their own sections", () => {
    expect(md).toContain(
      "## Notes\n\n- `urbanization-resident`:\n  - Projected with the logistic trend of 2010–2023.\n" +
        "  - Quality-C figure for 2021 not used.\n- `trade-growth`: No trade figures in the pack.",
    );
    expect(md).toContain(
      "### `trade-growth` — 外贸进出口总额年均增长 / CAGR of total foreign trade",
    );
    expect(md).toContain(
      "- `city` · `trade` · year 2020: the base-year value the growth is measured from",
    );
    expect(md).toContain(
      "| `city` | `gdp` | 2022 | 3,394 | 3,401 | +0.21% | 3: qilin, zhanyi, malong |",
    );
    expect(md).toContain("## Issues\n\n- data.csv:4: warning: two sources disagree");
  });

  it("escapes text that would break a table", () => {
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      rows: [{ ...rd, nameEn: "R|D *spend* <b>", notes: ["a_b"] }],
    });
    const out = formatAssessmentMarkdown(tricky);
    const row = out.split("\n").find((l) => l.startsWith("| `rd-expenditure`")) as string;
    expect(cells(row)).toHaveLength(10);
    expect(row).toContain("R\\|D \\*spend\\* \\<b\\>");
    expect(out).toContain("- `rd-expenditure`: a\\_b");
  });

  it("escapes [, ] and ! so that text from the data cannot become an image or a link", () => {
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      scenarioName: "![](https://example.com/pixel.png)",
      rows: [{ ...rd, nameEn: "[R&D](https://example.com/)!", notes: ["see ![x][1]"] }],
    });
    const out = formatAssessmentMarkdown(tricky);
    expect(out.split("\n")[0]).toBe("# qujing · plan — \\!\\[\\](https://example.com/pixel.png)");
    expect(out).toContain("scenario `plan` (\\!\\[\\](https://example.com/pixel.png)).");
    const row = out.split("\n").find((l) => l.startsWith("| `rd-expenditure`")) as string;
    expect(cells(row)[0]).toBe(
      "`rd-expenditure`<br>研究与试验发展经费投入<br>\\[R&D\\](https://example.com/)\\!",
    );
    expect(out).toContain("- `rd-expenditure`: see \\!\\[x\\]\\[1\\]");
    // No unescaped "![" or "](" is left anywhere in the document.
    expect(out).not.toMatch(/(?<!\\)!\[/);
    expect(out).not.toMatch(/(?<!\\)\]\(/);
  });

  it("turns every kind of line break into <br>, a lone CR included (CommonMark ends a line at CR)", () => {
    const tricky = AssessmentSchema.parse({
      ...quietAssessment,
      scenarioName: "Plan\rpath",
      rows: [{ ...rd, nameEn: "R&D\rspend\r\nall\nsectors" }],
    });
    const out = formatAssessmentMarkdown(tricky);
    expect(out).not.toContain("\r");
    expect(out.split("\n")[0]).toBe("# qujing · plan — Plan<br>path");
    const row = out.split("\n").find((l) => l.startsWith("| `rd-expenditure`")) as string;
    expect(cells(row)[0]).toBe(
      "`rd-expenditure`<br>研究与试验发展经费投入<br>R&D<br>spend<br>all<br>sectors",
    );
  });

  it("says when every target is evaluable and no discrepancy is recorded", () => {
    const out = formatAssessmentMarkdown(quietAssessment);
    expect(out).toContain("## Data readiness\n\nEvery target can be evaluated.");
    expect(out).toContain("## Discrepancies\n\nNone recorded.");
    expect(out).not.toContain("## Issues");
    expect(out).not.toContain("| P |");
  });

  it("gives each of several scenarios its own section", () => {
    const out = formatAssessmentMarkdown([sampleAssessment, quietAssessment], { title: "曲靖市" });
    expect(out.split("\n")[0]).toBe("# 曲靖市");
    expect(out).toContain("Scenarios: `trend`, `plan`.");
    expect(out).toContain("\n## qujing · trend — Trend continuation\n");
    expect(out).toContain("\n## qujing · plan — Plan path\n");
    expect(out).toContain("\n### Data readiness\n");
    expect(out).toContain("\n#### `trade-growth` —");
  });

  it("throws a TypeError naming the field for a number that is not finite, instead of printing it", () => {
    expectNonFiniteRejected("formatAssessmentMarkdown", (a) => formatAssessmentMarkdown(a));
  });

  it("runs its TSDoc example", () => {
    const out = formatAssessmentMarkdown({
      pack: "demo",
      scenario: "trend",
      scenarioName: "Trend",
      asOf: 2023,
      rows: [],
      discrepancies: [],
      readiness: [],
      issues: [],
    });
    expect(out.split("\n")[0]).toBe("# demo · trend — Trend");
  });
});
