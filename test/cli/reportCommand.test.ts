// regionsim report: writes the report of a scenario in one format to the --out file, the same as
// renderReport gives; bad usage exits 2 with one line and the usage's first line.
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { compile } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { formatAssessmentCsv } from "../../src/report/formatAssessmentCsv.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { renderReport } from "../../src/report/renderReport.js";
import { syntheticPack } from "../helpers/syntheticPack.js";
import { type Run, run } from "./runCliHarness.js";

const USAGE_LINE =
  "Usage: regionsim report --pack <id> --scenario <name|file.json> --format <f> --out <file|folder> [options]\n" +
  'Run "regionsim report --help" for more.\n';

const REPORT = ["report", "--pack", "synthetic", "--scenario", "steady"];

let dir = "";
const inDir = (argv: string[]) => run(argv, { cwd: dir });

/** A usage error: exit 2, nothing on stdout, the message then the usage's first line. */
function expectUsage(r: Run, message: string): void {
  expect(r).toEqual({ code: 2, stdout: "", stderr: `regionsim: ${message}\n${USAGE_LINE}` });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-report-"));
  await mkdir(join(dir, "folder.xlsx"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("regionsim report", () => {
  it("writes the text and CSV reports the formatters give with the run record, and says where", async () => {
    const title = "测试市 Synthetic City · steady — Steady growth";
    const a = assessPack(syntheticPack(), "steady");
    const date = ["--date", "2026-03-31"];
    const text = await inDir([...REPORT, "--format", "text", "--out", "r.txt", ...date]);
    expect(text).toEqual({ code: 0, stdout: "", stderr: "wrote r.txt\n" });
    const written = await readFile(join(dir, "r.txt"), "utf8");
    expect(written.split("\n")[0]).toBe(title);
    expect(written.startsWith(formatAssessmentText(a, { title }))).toBe(true);
    expect(written.slice(formatAssessmentText(a, { title }).length)).toMatch(
      /^\n运行记录 Run: regionsim \d+\.\d+\.\d+ · pack synthetic \(data [0-9a-f]{28}\) · steady \(latest observation used: \d{4}\) · 2026-03-31\n$/,
    );
    const csv = await inDir([
      ...REPORT,
      "--format",
      "csv",
      "--out",
      "r.csv",
      "--only",
      "judged",
      ...date,
    ]);
    expect(csv.code).toBe(0);
    const lines = (await readFile(join(dir, "r.csv"), "utf8")).split("\r\n");
    const plain = formatAssessmentCsv(a, { only: "judged" }).split("\r\n");
    expect(lines).toHaveLength(plain.length);
    expect(lines[0]).toBe(
      `${plain[0]},run_library_version,run_data_fingerprint,run_paths,run_seed,run_date`,
    );
    for (const [i, line] of lines.slice(1, -1).entries())
      expect(line).toMatch(
        new RegExp(
          `^${escapeRegExp(plain[i + 1] ?? "")},regionsim [0-9.]+,[0-9a-f]{28},,,2026-03-31$`,
        ),
      );
    expectUsage(
      await inDir([...REPORT, "--format", "md", "--out", "d.md", "--date", "31/03/2026"]),
      '--date must be an ISO 8601 date such as 2026-03-31 (got "31/03/2026")',
    );
  });

  it("writes a folder of Vega-Lite specs that compile, each with the run record", async () => {
    const r = await inDir([
      ...REPORT,
      "--format",
      "vega-lite",
      "--out",
      "charts/vl",
      "--date",
      "2026-03-31",
    ]);
    const files = (await readdir(join(dir, "charts/vl"))).sort();
    expect(r).toEqual({
      code: 0,
      stdout: "",
      stderr: `wrote ${files.length} files into charts/vl\n`,
    });
    const expected = renderReport(assessPack(syntheticPack(), "steady"), {
      format: "vega-lite",
      pack: syntheticPack(),
      date: "2026-03-31",
    });
    expect(files).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const spec = JSON.parse(await readFile(join(dir, "charts/vl", name), "utf8"));
      expect(spec).toEqual(JSON.parse(JSON.stringify(expected[name])));
      expect(spec.usermeta.regionsim.date).toBe("2026-03-31");
      expect(compile(spec).spec).toBeTruthy();
    }
    // Again into the same folder: replaced, not doubled; a file in the folder's place is refused.
    expect((await inDir([...REPORT, "--format", "vega-lite", "--out", "charts/vl"])).code).toBe(0);
    expect((await readdir(join(dir, "charts/vl"))).sort()).toEqual(files);
    expect(await inDir([...REPORT, "--format", "vega-lite", "--out", "r.txt"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "regionsim: cannot write into r.txt: it is a file, not a folder\n",
    });
    expectUsage(
      await inDir([...REPORT, "--format", "vega-lite"]),
      "missing --out (the folder to write)",
    );
  });

  it("writes an Excel workbook, simulated with --paths and --seed", async () => {
    const r = await inDir([
      ...REPORT,
      "--format",
      "xlsx",
      "--out",
      "r.xlsx",
      "--paths",
      "200",
      "--seed",
      "3",
    ]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "wrote r.xlsx\n" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(join(dir, "r.xlsx"))) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)[0]).toBe("目标 Targets");
    const record = new Map<unknown, unknown>();
    book.getWorksheet("运行记录 Run")?.eachRow((row) => {
      record.set(row.getCell(2).value, row.getCell(3).value);
    });
    expect(record.get("Simulated paths")).toBe(200);
    expect(record.get("Seed")).toBe(3);
    expect(record.get("Data fingerprint")).toMatch(/^[0-9a-f]{28}$/);
  });

  it("refuses an unknown format with the nearest one", async () => {
    expectUsage(
      await inDir([...REPORT, "--format", "xslx", "--out", "r.xlsx"]),
      '--format must be one of text, md, csv, xlsx, html, vega-lite; did you mean "xlsx"? (got "xslx")',
    );
    expectUsage(
      await inDir([...REPORT, "--out", "r.xlsx"]),
      "missing --format (text, md, csv, xlsx, html, vega-lite)",
    );
    expectUsage(
      await inDir([...REPORT, "--format", "md", "--layout", "quartely", "--out", "r.md"]),
      '--layout must be one of standard, quarterly; did you mean "quarterly"? (got "quartely")',
    );
  });

  it("writes the quarterly layout in Markdown, and refuses it in a format without it", async () => {
    const r = await inDir([...REPORT, "--format", "md", "--layout", "quarterly", "--out", "q.md"]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "wrote q.md\n" });
    const written = await readFile(join(dir, "q.md"), "utf8");
    expect(written.split("\n")[0]).toBe("# 测试市 Synthetic City · steady — Steady growth");
    expect(written).toContain("季度监测报告 Quarterly monitoring report");
    // The synthetic GDP target: east 100 and west 50 in 2020 (Σ 150) share 250 as 166.7 and
    // 83.33; projected 161.1 and 63.81 in 2025.
    expect(written).toContain("| 东区<br>east | 100 | 166.7 | 161.1 | -5.616 |");
    expect(written).toContain("| 西县<br>west | 50 | 83.33 | 63.81 | -19.52 |");
    expectUsage(
      await inDir([...REPORT, "--format", "csv", "--layout", "quarterly", "--out", "q.csv"]),
      "--layout quarterly needs --format md or html (got --format csv)",
    );
  });

  it("refuses a missing --out, or one that is not the format's file", async () => {
    expectUsage(
      await inDir([...REPORT, "--format", "xlsx"]),
      "missing --out (the .xlsx file to write)",
    );
    expectUsage(
      await inDir([...REPORT, "--format", "md", "--out", "r.xlsx"]),
      '--out must name a .md file for --format md (got "r.xlsx")',
    );
  });

  it("refuses an unknown scenario, naming the pack's", async () => {
    expectUsage(
      await inDir([
        "report",
        "--pack",
        "synthetic",
        "--scenario",
        "stedy",
        "--format",
        "md",
        "--out",
        "r.md",
      ]),
      'unknown scenario "stedy" (pack synthetic has: steady; or give a scenario .json file)',
    );
  });

  it("refuses --seed without --paths, and says when it cannot write the file", async () => {
    expectUsage(
      await inDir([...REPORT, "--format", "md", "--out", "s.md", "--seed", "2"]),
      "--seed needs --paths",
    );
    const folder = await inDir([...REPORT, "--format", "xlsx", "--out", "folder.xlsx"]);
    expect(folder).toEqual({
      code: 1,
      stdout: "",
      stderr: "regionsim: cannot write folder.xlsx: it is a folder\n",
    });
    const missing = await inDir([...REPORT, "--format", "md", "--out", "no/such/r.md"]);
    expect(missing.stderr).toBe(
      "regionsim: cannot write no/such/r.md: the folder no/such does not exist\n",
    );
    expect((await readdir(dir)).sort()).not.toContain("s.md");
  });

  it("prints its usage with every format of the table", async () => {
    const r = await run(["report", "--help"]);
    expect(r.code).toBe(0);
    for (const line of [
      "text (.txt)",
      "md (.md)",
      "csv (.csv)",
      "xlsx (.xlsx)",
      "vega-lite (folder)",
    ])
      expect(r.stdout).toContain(line);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
