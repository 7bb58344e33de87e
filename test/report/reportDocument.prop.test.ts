import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/internal/parseCsv.js";
import { formatAssessmentCsv } from "../../src/report/formatAssessmentCsv.js";
import { buildReportDocument } from "../../src/report/reportDocument.js";
import type { Assessment } from "../../src/schemas/assessment.js";
import { assessmentsArbitrary } from "./assessmentArbitrary.js";

const listOf = (a: Assessment | Assessment[]): Assessment[] => (Array.isArray(a) ? a : [a]);

describe("buildReportDocument properties", () => {
  it("never loses a target row: each assessment row appears once, in order, in its scenario", () => {
    fc.assert(
      fc.property(assessmentsArbitrary, (input) => {
        const doc = buildReportDocument(input);
        const list = listOf(input);
        expect(doc.scenarios).toHaveLength(list.length);
        list.forEach((a, i) => {
          const table = doc.scenarios[i]?.targets;
          expect(doc.scenarios[i]?.header.scenario).toBe(a.scenario);
          expect(table?.rows.map((r) => [r.values.target_id, r.values.name_zh])).toEqual(
            a.rows.map((r) => [r.targetId, r.nameZh]),
          );
          for (const row of table?.rows ?? [])
            expect(row.cells).toHaveLength(table?.columns.length ?? -1);
        });
      }),
    );
  });

  it("is plain data: a JSON round trip gives the same document", () => {
    fc.assert(
      fc.property(assessmentsArbitrary, (input) => {
        const doc = buildReportDocument(input);
        expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
      }),
    );
  });

  it("writes every target row of the document as one CSV record", () => {
    fc.assert(
      fc.property(assessmentsArbitrary, (input) => {
        const rows = buildReportDocument(input).scenarios.flatMap((s) => s.targets.rows);
        const { records, problems } = parseCsv(formatAssessmentCsv(input, { bom: false }));
        expect(problems).toEqual([]);
        expect(records.slice(1).map((r) => r.fields[2])).toEqual(
          rows.map((r) => r.values.target_id),
        );
      }),
    );
  });
});
