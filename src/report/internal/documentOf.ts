import { checkOneOf } from "../../internal/checkArgs.js";
import { assertAssessment } from "../../schemas/assertAssessment.js";
import type { Assessment, AssessmentRow } from "../../schemas/assessment.js";
import { formatIssue } from "../../schemas/issue.js";
import type {
  ReportDocument,
  ReportDocumentOptions,
  ReportLegend,
  ReportNotes,
  ReportRows,
  ReportScenario,
  ReportSharedNote,
  ReportSource,
} from "../reportDocument.js";
import { needText, needYearsText, nominalNote } from "./assessmentCells.js";
import { comparisonTable } from "./comparisonTable.js";
import { discrepancyTable } from "./discrepancyTable.js";
import { disparitySection } from "./disparitySection.js";
import { placeTables } from "./placeTableSection.js";
import { reportLegend, statusSummary } from "./reportLegend.js";
import { jsonNumber } from "./reportTable.js";
import { shareGaps } from "./shareGaps.js";
import { simulatedBands } from "./simulatedBands.js";
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
  const only =
    options.only === undefined ? "all" : checkOneOf(fn, "options.only", options.only, ROWS);
  const collection = isList(assessment);
  const list: readonly Assessment[] = collection ? assessment : [assessment];
  const scenarios = list.map((a) => scenarioOf(a, only));
  const pack = list[0]?.pack ?? "";
  const defaultTitle = collection
    ? `${pack} — assessment of the plan targets`
    : (scenarios[0]?.header.title ?? "");
  return {
    title: options.title ?? defaultTitle,
    titleGiven: options.title !== undefined,
    pack,
    collection,
    comparison: comparisonTable(list, only),
    scenarios,
  };
}

function isList(value: Assessment | readonly Assessment[]): value is readonly Assessment[] {
  return Array.isArray(value);
}

const ROWS: readonly ReportRows[] = ["all", "judged"];

const judged = (r: AssessmentRow): boolean => r.status !== "insufficient-data";

function scenarioOf(a: Assessment, only: ReportRows): ReportScenario {
  const legend = withBandLegend(reportLegend(a.rows), a);
  const shown = only === "judged" ? a.rows.filter(judged) : a.rows;
  const { notes, sharedNotes } = notesOf(shown);
  return {
    header: {
      pack: a.pack,
      scenario: a.scenario,
      scenarioName: a.scenarioName,
      title: `${a.pack} · ${a.scenario} — ${a.scenarioName}`,
      asOf: jsonNumber(dataAsOf(a)),
      targetCount: a.rows.length,
      hiddenCount: a.rows.length - shown.length,
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
    targets: targetsTable({ ...a, rows: shown }),
    legend,
    notes,
    sharedNotes,
    readiness: a.rows.filter((r) => !judged(r)).map(readinessOf),
    discrepancies: discrepancyTable(a.discrepancies),
    shareGaps: shareGaps(shown),
    placeTables: placeTables(a),
    disparity: disparitySection(a.disparity ?? []),
    issues: a.issues.map((issue) => ({ ...issue, text: formatIssue(issue) })),
    sources: sourcesOf(a.rows),
  };
}

/** The legend, whose probability line also says what the simulated band is, when shown. */
function withBandLegend(legend: ReportLegend, a: Assessment): ReportLegend {
  const [band] = simulatedBands(a).values();
  if (band === undefined || legend.probability === null) return legend;
  const percent = Math.round(band.level * 100);
  return {
    ...legend,
    probability:
      `${legend.probability} Simulated: the median and the central ${percent}% band of the ` +
      "target's measure in its year over the paths.",
  };
}

/**
 * The latest year of the observations the judged targets rest on: the latest observation of
 * each target that is not `insufficient-data` (GDP ending in 2022 gives 2022 even when another
 * series reaches 2024); the assessment's `asOf` when no target is judged.
 */
function dataAsOf(a: Assessment): number {
  let latest: number | undefined;
  for (const r of a.rows)
    if (judged(r) && r.latest !== null) latest = Math.max(latest ?? r.latest.year, r.latest.year);
  return latest ?? a.asOf;
}

/** Each target's own notes, and the notes several targets share, once with their ids. */
function notesOf(rows: readonly AssessmentRow[]): {
  notes: ReportNotes[];
  sharedNotes: ReportSharedNote[];
} {
  // A row at constant prices also notes its judgement at current prices, first.
  const notesOfRow = (r: AssessmentRow) => {
    const nominal = nominalNote(r);
    return nominal === undefined ? r.notes : [nominal, ...r.notes];
  };
  const byNote = new Map<string, string[]>();
  for (const r of rows)
    for (const note of new Set(notesOfRow(r)))
      byNote.set(note, [...(byNote.get(note) ?? []), r.targetId]);
  const shared = (note: string) => (byNote.get(note)?.length ?? 0) > 1;
  const notes = rows
    .map((r) => ({ targetId: r.targetId, notes: notesOfRow(r).filter((n) => !shared(n)) }))
    .filter((r) => r.notes.length > 0);
  const sharedNotes = [...byNote]
    .filter(([, ids]) => ids.length > 1)
    .map(([note, targetIds]) => ({ note, targetIds }));
  return { notes, sharedNotes };
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
