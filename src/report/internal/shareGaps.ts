import type { AssessmentRow } from "../../schemas/assessment.js";
import type { ReportShareGap } from "../reportDocument.js";
import { targetCell } from "./assessmentCells.js";
import { formatNumber, formatPercent, MISSING } from "./formatNumber.js";
import { jsonNumber } from "./reportTable.js";

/** `24.0% a year faster`, `3.1% a year slower`, `as fast`: how the part must grow against the rest. */
function pace(d: number | null): string {
  if (d === null) return MISSING;
  const text = formatPercent(Math.abs(d));
  if (text === "0.0%") return "as fast as";
  return `${text} a year ${d > 0 ? "faster" : "slower"} than`;
}

/**
 * The growth the part of each share target needs over the rest of the whole, for the rows that
 * give one (see `AssessmentRow.requiredDifferential`), in row order.
 */
export function shareGaps(rows: readonly AssessmentRow[]): ReportShareGap[] {
  return rows.flatMap((r) => {
    const required = r.requiredDifferential ?? null;
    const implied = r.impliedDifferential ?? null;
    if ((required === null && implied === null) || r.latest === null) return [];
    const from = `${formatNumber(r.latest.value, { digits: 1 })}% (${r.latest.year})`;
    const to = `${targetCell(r)} in ${r.year ?? MISSING}`;
    const factor =
      required === null
        ? ""
        : ` ((1+g_part)/(1+g_rest) = ${formatNumber(1 + required, { digits: 3 })})`;
    const need =
      required === null
        ? `${r.scope}: no differential required`
        : `${r.scope} must grow ${pace(required)} the rest${factor}`;
    const text = `${from} → ${to}: ${need}; the projection implies ${implied === null ? MISSING : `${pace(implied)} the rest`}.`;
    return [
      {
        targetId: r.targetId,
        scope: r.scope,
        required: required === null ? null : jsonNumber(required),
        implied: implied === null ? null : jsonNumber(implied),
        text,
      },
    ];
  });
}
