// renderReport: text, md and csv are the formatters' output byte for byte; the options are
// checked with messages naming the function, the option, what it expected and what it got.
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
import { expectNonFiniteRejected, quietAssessment, sampleAssessment } from "./assessmentFixture.js";

describe("renderReport, text formats", () => {
  const list = [sampleAssessment, quietAssessment];

  it("gives the formatters' output byte for byte, for one assessment and a list", () => {
    for (const a of [sampleAssessment, list]) {
      expect(renderReport(a, { format: "text" })).toBe(formatAssessmentText(a));
      expect(renderReport(a, { format: "md" })).toBe(formatAssessmentMarkdown(a));
      expect(renderReport(a, { format: "csv" })).toBe(formatAssessmentCsv(a));
    }
  });

  it("passes the title and only on", () => {
    const o = { title: "曲靖 report", only: "judged" } as const;
    expect(renderReport(sampleAssessment, { format: "text", ...o })).toBe(
      formatAssessmentText(sampleAssessment, o),
    );
    expect(renderReport(sampleAssessment, { format: "md", ...o })).toBe(
      formatAssessmentMarkdown(sampleAssessment, o),
    );
    expect(renderReport(sampleAssessment, { format: "csv", only: "judged" })).toBe(
      formatAssessmentCsv(sampleAssessment, { only: "judged" }),
    );
  });

  it("renders a real assessment of the Qujing pack as the formatters do", () => {
    const a = assessPack(qujingPack, "trend");
    expect(renderReport(a, { format: "md", pack: qujingPack })).toBe(formatAssessmentMarkdown(a));
  });

  it("lists each format once, under its own id, with an extension", () => {
    expect(REPORT_FORMAT_IDS).toEqual(["text", "md", "csv", "xlsx", "html"]);
    for (const id of REPORT_FORMAT_IDS) {
      expect(REPORT_FORMATS[id].id).toBe(id);
      expect(REPORT_FORMATS[id].extension).toMatch(/^\.[a-z]+$/);
    }
  });
});

describe("renderReport, arguments", () => {
  it("refuses a missing or unknown format, with the nearest one", () => {
    expect(() => renderReport(sampleAssessment, undefined as never)).toThrow(
      new ArgumentTypeError(
        'renderReport: options.format must be "text", "md", "csv", "xlsx" or "html" (got nothing)',
        { code: "missing-argument", path: "options.format" },
      ),
    );
    expect(() => renderReport(sampleAssessment, { format: "xslx" as never })).toThrow(
      'renderReport: options.format must be "text", "md", "csv", "xlsx" or "html"; did you mean "xlsx"? (got the string "xslx")',
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
    ).toBe(formatAssessmentMarkdown(sampleAssessment));
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
