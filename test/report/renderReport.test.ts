// renderReport: text, md and csv are the formatters' output with the run record; the options are
// checked with messages naming the function, the option, what it expected and what it got.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessPack } from "../../src/assessment/assessPack.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { formatAssessmentCsv } from "../../src/report/formatAssessmentCsv.js";
import { formatAssessmentMarkdown } from "../../src/report/formatAssessmentMarkdown.js";
import { formatAssessmentText } from "../../src/report/formatAssessmentText.js";
import { packFingerprint } from "../../src/report/internal/runRecord.js";
import { renderReport } from "../../src/report/renderReport.js";
import { REPORT_FORMAT_IDS, REPORT_FORMATS } from "../../src/report/reportFormats.js";
import { simulatePack } from "../../src/simulation/simulatePack.js";
import { expectNonFiniteRejected, quietAssessment, sampleAssessment } from "./assessmentFixture.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** The run record's line for the sample assessment rendered on 2026-03-31 without the pack. */
const SAMPLE_RUN = `运行记录 Run: regionsim ${VERSION} · pack qujing · trend (latest observation used: 2023) · 2026-03-31`;

/** `csv` with the run record's five columns appended to every record (CRLF between records). */
function withRunColumns(csv: string, values: string): string {
  const records = csv.slice(0, -2).split("\r\n");
  const [header, ...rows] = records;
  const head = `${header},run_library_version,run_data_fingerprint,run_paths,run_seed,run_date`;
  return `${[head, ...rows.map((r) => `${r},${values}`)].join("\r\n")}\r\n`;
}

describe("renderReport, text formats", () => {
  const list = [sampleAssessment, quietAssessment];
  const date = "2026-03-31";

  it("gives the formatters' output and then the run record", () => {
    expect(sampleAssessment.asOf).toBe(2023);
    expect(renderReport(sampleAssessment, { format: "text", date })).toBe(
      `${formatAssessmentText(sampleAssessment)}\n${SAMPLE_RUN}\n`,
    );
    expect(renderReport(sampleAssessment, { format: "md", date })).toBe(
      `${formatAssessmentMarkdown(sampleAssessment)}\n---\n\n${SAMPLE_RUN}\n`,
    );
    expect(renderReport(sampleAssessment, { format: "csv", date })).toBe(
      withRunColumns(formatAssessmentCsv(sampleAssessment), `regionsim ${VERSION},,,,${date}`),
    );
    // A list: every scenario in the record, each row with its own scenario's run.
    const text = renderReport(list, { format: "text", date });
    expect(text.startsWith(formatAssessmentText(list))).toBe(true);
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      `运行记录 Run: regionsim ${VERSION} · pack qujing · ${list.map((a) => `${a.scenario} (latest observation used: ${a.asOf})`).join("; ")} · ${date}`,
    );
  });

  it("passes the title and only on", () => {
    const o = { title: "曲靖 report", only: "judged" } as const;
    expect(renderReport(sampleAssessment, { format: "text", date, ...o })).toBe(
      `${formatAssessmentText(sampleAssessment, o)}\n${SAMPLE_RUN}\n`,
    );
    expect(renderReport(sampleAssessment, { format: "md", date, ...o })).toBe(
      `${formatAssessmentMarkdown(sampleAssessment, o)}\n---\n\n${SAMPLE_RUN}\n`,
    );
    expect(renderReport(sampleAssessment, { format: "csv", date, only: "judged" })).toBe(
      withRunColumns(
        formatAssessmentCsv(sampleAssessment, { only: "judged" }),
        `regionsim ${VERSION},,,,${date}`,
      ),
    );
  });

  it("records the pack's fingerprint and a simulation's paths and seed", async () => {
    const simulated = await simulatePack(qujingPack, "trend", { paths: 300, seed: 5, workers: 0 });
    const md = renderReport(simulated.assessment, { format: "md", pack: qujingPack, date });
    const line = md.trimEnd().split("\n").at(-1) ?? "";
    const fp = /\(data ([0-9a-f]{28})\)/.exec(line)?.[1];
    expect(line).toBe(
      `运行记录 Run: regionsim ${VERSION} · pack qujing (data ${fp}) · trend (latest observation used: ${simulated.assessment.asOf}, 300 paths, seed 5) · ${date}`,
    );
    expect(renderReport(simulated.assessment, { format: "csv", pack: qujingPack, date })).toBe(
      withRunColumns(
        formatAssessmentCsv(simulated.assessment),
        `regionsim ${VERSION},${fp},300,5,${date}`,
      ),
    );
    // A run given beside a deterministic assessment is recorded as its run.
    const plain = assessPack(qujingPack, "trend");
    const run = simulated.simulation;
    if (run === null) throw new Error("the trend scenario has simulated targets");
    const text = renderReport(plain, {
      format: "text",
      simulation: run,
      date,
    });
    expect(text).toContain(`trend (latest observation used: ${plain.asOf}, 300 paths, seed 5)`);
  });

  it("lists each format once, under its own id, with an extension or as a folder", () => {
    expect(REPORT_FORMAT_IDS).toEqual(["text", "md", "csv", "xlsx", "html", "vega-lite"]);
    for (const id of REPORT_FORMAT_IDS) {
      const f: { id: string; extension: string; output?: string } = REPORT_FORMATS[id];
      expect(f.id).toBe(id);
      if (f.output === "folder") expect(f.extension).toBe("");
      else expect(f.extension).toMatch(/^\.[a-z]+$/);
    }
  });
});

describe("renderReport, arguments", () => {
  it("refuses a missing or unknown format, with the nearest one", () => {
    expect(() => renderReport(sampleAssessment, undefined as never)).toThrow(
      new ArgumentTypeError(
        'renderReport: options.format must be "text", "md", "csv", "xlsx", "html" or "vega-lite" (got nothing)',
        { code: "missing-argument", path: "options.format" },
      ),
    );
    expect(() => renderReport(sampleAssessment, { format: "xslx" as never })).toThrow(
      'renderReport: options.format must be "text", "md", "csv", "xlsx", "html" or "vega-lite"; did you mean "xlsx"? (got the string "xslx")',
    );
    expect(() =>
      renderReport(sampleAssessment, { format: "md", layout: "quartely" as never }),
    ).toThrow(ArgumentRangeError);
  });

  it("refuses an unknown option, a title that is not text and a date that is no day", () => {
    expect(() => renderReport(sampleAssessment, { format: "md", fromat: "x" } as never)).toThrow(
      /^renderReport: options\.fromat is not an option; did you mean format\?/,
    );
    expect(() => renderReport(sampleAssessment, { format: "md", title: 3 as never })).toThrow(
      "renderReport: options.title must be a string (got 3)",
    );
    for (const date of ["31/03/2026", "2026-02-31", "2026-13-01", ""])
      expect(() => renderReport(sampleAssessment, { format: "md", date })).toThrow(
        `renderReport: options.date must be an ISO 8601 date such as "2026-03-31" (got the string "${date}")`,
      );
    expect(
      renderReport(sampleAssessment, { format: "md", date: "2026-03-31T08:00:00+08:00" }),
    ).toContain(" · 2026-03-31T08:00:00+08:00\n");
    expect(() =>
      renderReport(sampleAssessment, { format: "md", simulation: { paths: 3 } as never }),
    ).toThrow(
      /^renderReport: options\.simulation must be a simulation result \(from simulate or simulatePack\) \(got an? /,
    );
  });

  it("refuses a pack that is not the assessment's, or not a pack", () => {
    const other = { ...qujingPack, id: "other" };
    expect(() => renderReport(sampleAssessment, { format: "md", pack: other })).toThrow(
      'renderReport: options.pack is the pack "other" but the assessment is of "qujing"',
    );
    expect(() => renderReport(sampleAssessment, { format: "md", pack: 3 as never })).toThrow(
      "renderReport: options.pack must be a region pack (got 3)",
    );
  });

  it("refuses an assessment that does not validate, naming the field", () => {
    expectNonFiniteRejected("renderReport", (a) => renderReport(a, { format: "md" }));
  });

  it("does not change its inputs", () => {
    const before = JSON.stringify(sampleAssessment);
    renderReport(sampleAssessment, { format: "text", pack: qujingPack });
    expect(JSON.stringify(sampleAssessment)).toBe(before);
  });
});

describe("packFingerprint", () => {
  it("is 28 hex digits, the same for the same pack and different for changed data", () => {
    const fp = packFingerprint(qujingPack);
    expect(fp).toMatch(/^[0-9a-f]{28}$/);
    expect(packFingerprint(structuredClone(qujingPack))).toBe(fp);
    const [first, ...rest] = qujingPack.dataset.observations;
    const changed = {
      ...qujingPack,
      dataset: {
        ...qujingPack.dataset,
        observations: [
          { ...(first as NonNullable<typeof first>), value: (first?.value ?? 0) + 1 },
          ...rest,
        ],
      },
    };
    expect(packFingerprint(changed)).not.toBe(fp);
  });
});
