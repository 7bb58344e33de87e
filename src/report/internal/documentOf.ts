import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import { formatIssue } from "../../schemas/issue.js";
import { assertAssessment } from "../assertAssessment.js";
import type {
  ReportDocument,
  ReportDocumentOptions,
  ReportScenario,
  ReportSource,
} from "../reportDocument.js";
import { needText, needYearsText } from "./assessmentCells.js";
import { discrepancyTable } from "./discrepancyTable.js";
import { disparitySection } from "./disparitySection.js";
import { reportLegend, statusSummary } from "./reportLegend.js";
import { jsonNumber } from "./reportTable.js";
import { targetsTable } from "./targetsTable.js";

/**
 * The report document of an assessment or a list of them, after checking it against
 * `AssessmentSchema` once; `fn` (the public function called) starts the error message.
 */
export function documentOf(
  fn: string,
  assessment: Assessment | readonly Assessment[],
  options: ReportDocumentOptions,
): ReportDocument {
  assertAssessment(fn, assessment);
  const collection = isList(assessment);
  const list: readonly Assessment[] = collection ? assessment : [assessment];
  const scenarios = list.map(scenarioOf);
  const pack = list[0]?.pack ?? "";
  const defaultTitle = collection
    ? `${pack} — assessment of the plan targets`
    : (scenarios[0]?.header.title ?? "");
  return {
    title: options.title ?? defaultTitle,
    titleGiven: options.title !== undefined,
    pack,
    collection,
    scenarios,
  };
}

function isList(value: Assessment | readonly Assessment[]): value is readonly Assessment[] {
  return Array.isArray(value);
}

function scenarioOf(a: Assessment): ReportScenario {
  const legend = reportLegend(a.rows);
  return {
    header: {
      pack: a.pack,
      scenario: a.scenario,
      scenarioName: a.scenarioName,
      title: `${a.pack} · ${a.scenario} — ${a.scenarioName}`,
      asOf: jsonNumber(a.asOf),
      targetCount: a.rows.length,
      summary: statusSummary(legend.statuses),
      simulation:
        a.simulation === undefined
          ? null
          : {
              paths: a.simulation.paths,
              seed: jsonNumber(a.simulation.seed),
              baseYear: jsonNumber(a.simulation.baseYear),
            },
    },
    targets: targetsTable(a),
    legend,
    notes: a.rows
      .filter((r) => r.notes.length > 0)
      .map((r) => ({ targetId: r.targetId, notes: r.notes })),
    readiness: a.rows.filter((r) => r.status === "insufficient-data").map(readinessOf),
    discrepancies: discrepancyTable(a.discrepancies),
    disparity: disparitySection(a.disparity ?? []),
    issues: a.issues.map((issue) => ({ ...issue, text: formatIssue(issue) })),
    sources: sourcesOf(a.rows),
  };
}

function readinessOf(r: AssessmentRow): ReportScenario["readiness"][number] {
  return {
    targetId: r.targetId,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    needs: r.missing.map((need) => ({
      ...need,
      years: need.years.map(jsonNumber),
      yearsText: needYearsText(need),
      text: needText(need),
    })),
  };
}

function sourcesOf(rows: readonly AssessmentRow[]): ReportSource[] {
  const bySource = new Map<string, string[]>();
  for (const r of rows) {
    if (r.latest === null) continue;
    const ids = bySource.get(r.latest.source) ?? [];
    ids.push(r.targetId);
    bySource.set(r.latest.source, ids);
  }
  return [...bySource].map(([source, targetIds]) => ({ source, targetIds }));
}
