// The text `regionsim disparity` prints: the σ table by year (observed and projected, segments
// and series breaks marked), the segments, the trends of the dispersion and the β regressions.
import type { BetaConvergence } from "../../analysis/betaConvergence.js";
import type { Convergence } from "../../analysis/convergenceResult.js";
import type { SigmaRow, SlopeEstimate } from "../../analysis/sigmaConvergence.js";

/** A number with `digits` decimals, a real minus sign, `–` for null. */
function num(value: number | null | undefined, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** Columns right-aligned to their widest cell, the first `left` ones left-aligned. */
function table(rows: readonly (readonly string[])[], left = 1): string[] {
  const widths = (rows[0] ?? []).map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length)));
  return rows.map((r) =>
    r
      .map((cell, j) =>
        j < left ? cell.padEnd(widths[j] as number) : cell.padStart(widths[j] as number),
      )
      .join("  ")
      .trimEnd(),
  );
}

/** The first sentence of a break's reason (the JSON has the whole text). */
function shortReason(reason: string): string {
  const cut = reason.search(/\.\s/);
  const first = cut < 0 ? reason : reason.slice(0, cut + 1);
  return first.length > 160 ? `${first.slice(0, 159)}…` : first;
}

function sigmaTable(rows: readonly SigmaRow[]): string[] {
  const head = ["year", "basis", "n/N", "seg", "CV", "W-CV", "Theil", "between", "within", ""];
  const body = rows.map((r) => {
    const m = r.measures;
    return [
      String(r.year),
      r.basis,
      `${r.n}/${r.placeCount}`,
      String(r.segment),
      num(m?.cv, 3),
      num(m?.weightedCv, 3),
      num(m?.theil, 4),
      num(m?.between, 4),
      num(m?.within, 4),
      r.break === null ? "" : "| break",
    ];
  });
  return table([head, ...body], 2);
}

function slope(s: SlopeEstimate): string {
  const t = s.t === null ? "" : `, t ${num(s.t, 2)}`;
  return `${num(s.perYear, 4)}/yr (SE ${num(s.standardError, 4)}${t})`;
}

function betaRow(label: string, b: BetaConvergence | null, window: string): string[] {
  if (b === null) return [label, window, "–", "–", "–", "–", "–", "–", "–", "–"];
  return [
    label,
    window,
    String(b.n),
    num(b.beta.estimate, 5),
    num(b.beta.standardError, 5),
    num(b.beta.t, 2),
    num(b.beta.pValue, 3),
    num(b.rSquared, 3),
    num(b.speed, 4),
    b.halfLife === null ? "–" : `${num(b.halfLife, 1)} yr`,
  ];
}

/**
 * The text of a convergence result: the σ table, its segments and trends, the β regressions and
 * the notes.
 */
export function formatConvergenceText(c: Convergence): string {
  const { sigma, beta } = c;
  const lines: string[] = [];
  lines.push(
    `Convergence of ${c.indicator} (${c.unit}) across the places of ${c.pack}, scenario ${c.scenario}, through ${c.through}`,
    `Theil T split between ${sigma.centre.id} (${sigma.centre.members.join(", ")}) and the rest`,
    "",
    "σ-convergence: dispersion by year over the places with data (n of N); CV unweighted,",
    "W-CV Williamson's population-weighted CV, Theil T population-weighted = between + within",
    "",
    ...sigmaTable(sigma.rows),
    "",
    "Segments (levels compare only within one; a new one starts at a series break or a change of places):",
  );
  for (const s of sigma.segments) {
    const span = s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`;
    const why = s.startsBecause === null ? "" : `; ${shortReason(s.startsBecause)}`;
    const lacking = s.leftOut.length === 0 ? "" : ` (no data: ${s.leftOut.join(", ")})`;
    lines.push(
      `  ${s.segment}  ${span}: ${s.places.length} of ${s.placeCount} places${lacking}${why}`,
    );
  }
  lines.push("", "Trend (OLS slope per year, segments with at least 3 years of one basis):");
  if (sigma.trends.length === 0) lines.push("  none: no segment has 3 years of one basis");
  for (const t of sigma.trends)
    lines.push(
      `  seg ${t.segment} ${t.from}–${t.to} ${t.basis} (${t.years} years): CV ${t.basis === "observed" ? slope(t.cv) : `${num(t.cv.perYear, 4)}/yr (the models' path: no SE)`}, W-CV ${num(t.weightedCv.perYear, 4)}/yr, Theil ${num(t.theil.perYear, 4)}/yr: ${t.converging ? "σ-convergence (the CV falls)" : "no σ-convergence (the CV does not fall)"}`,
    );
  lines.push(
    "",
    "β-convergence: (1/T) ln(y_iT / y_i0) = α + β ln y_i0 [+ controls] + ε; λ = −ln(1 + βT)/T, half-life ln 2/λ",
    "",
  );
  const w = beta.window;
  const window = w === null ? "–" : `${w.from}–${w.to}`;
  const p = beta.projected;
  lines.push(
    ...table([
      ["", "window", "n", "β", "SE", "t", "p", "R²", "λ/yr", "half-life"],
      betaRow("unconditional", beta.unconditional, window),
      ...(beta.conditional !== null || beta.notes.some((n) => n.startsWith("conditional"))
        ? [betaRow("conditional", beta.conditional, window)]
        : []),
      betaRow("projected", p, p === null ? "–" : `${p.from}–${p.to}`),
    ]),
  );
  for (const k of beta.conditional?.controlCoefficients ?? [])
    lines.push(
      `  control ${k.control}: ${num(k.estimate, 5)} (SE ${num(k.standardError, 5)}, t ${num(k.t, 2)})`,
    );
  if (w !== null)
    lines.push(
      `  window: ${w.chosen === "longest" ? "the longest without a series break" : "as given"}${w.crossesBreaks.length > 0 ? `; crosses ${w.crossesBreaks.length} series break(s)` : ""}`,
    );
  lines.push("  projected: from the scenario's projections (what its models assume, not evidence)");
  if (beta.notes.length > 0) lines.push("", "Notes:", ...beta.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}
