import type { SolvedGrowth, TargetSolution } from "../../analysis/solveResult.js";

/** A fraction a year as a percentage with two decimals: `6.43%`. */
function pct(rate: number | null): string {
  return rate === null ? "—" : `${(100 * rate).toFixed(2)}%`;
}

/** A difference of rates in percentage points: `+1.42`. */
function points(rate: number | null): string {
  return rate === null ? "—" : `${rate >= 0 ? "+" : ""}${(100 * rate).toFixed(2)}`;
}

/** A level with thousands separators and one decimal. */
function level(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A five-year growth with its years: `19.9% (2003–2008)`. */
function fiveYears(g: SolvedGrowth["history"]["best"]): string {
  return g === null ? "—" : `${(100 * g.rate).toFixed(1)}% (${g.from}–${g.to})`;
}

/** The percentile column: `31`, `<1`, `>99`, or `—`. */
function percentile(g: SolvedGrowth): string {
  const p = g.panel?.percentile;
  if (p === undefined) return "—";
  if (p <= 0) return "<1";
  if (p >= 100) return ">99";
  return String(Math.min(99, Math.max(1, Math.round(p))));
}

/** Lays out rows of cells in columns, the first left-aligned, the others too. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => c.padEnd(widths[k] as number))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The comparator as the target reads: `≥`, `≤`, `≈`. */
const COMPARATOR = { ">=": "≥", "<=": "≤", about: "≈" } as const;

/**
 * The text `regionsim solve` prints: what was solved, the target's own series, a table per place
 * (required growth, own trend, uplift, best and latest five years, percentile, plausibility) and
 * the check of the target assessed under the solved scenario.
 */
export function solutionText(solution: TargetSolution, title: string): string {
  const s = solution;
  const goal =
    s.goal.kind === "projection"
      ? "the projection just meets the target"
      : `the probability of attainment is ${s.goal.p}`;
  const how =
    s.lever === "edge"
      ? `the part grows ${pct(s.parameter)} a year faster than the rest of the whole grows in the base scenario`
      : s.rule === null
        ? ""
        : `rule ${s.rule}`;
  const unit = s.kind === "level" ? ` ${s.unit}` : s.kind === "growth" ? "% a year" : "%";
  const out: string[] = [
    title,
    `Solved from scenario ${s.baseScenario}: ${goal}${how === "" ? "" : ` (${how})`}`,
    "",
    `Target: ${s.targetId} · ${s.scope} ${s.indicator} ${COMPARATOR[s.comparator]} ${s.value.toLocaleString("en-US")}${unit} in ${s.year} (${s.kind}${s.basis === "real" ? ", at constant prices" : ""})`,
  ];
  const own = s.scopeGrowth;
  if (own !== null)
    out.push(
      `${own.scope} ${own.indicator} (${own.basis}): ${pct(own.rate)} a year from ${own.latest.year} (${level(own.latest.value)}) to ${s.year} (${level(own.level)}); trend ${pct(own.trend)}`,
      `  ${own.plausibility}: ${own.label}`,
    );
  if (s.places.length > 0) {
    const first = s.places[0] as SolvedGrowth;
    out.push(
      "",
      `Places: ${first.indicator} (${first.basis}), growth a year from each place's latest observation to ${s.year}`,
      ...table(
        [
          "Place",
          "Since",
          "Required",
          "Trend",
          "Uplift pp",
          "Best 5 years",
          "Latest 5 years",
          "Pctl",
          "Plausibility",
        ],
        s.places.map((p) => [
          p.scope,
          String(p.latest.year),
          pct(p.rate),
          pct(p.trend),
          points(p.uplift),
          fiveYears(p.history.best),
          fiveYears(p.history.latest),
          percentile(p),
          p.plausibility,
        ]),
      ),
    );
    const panel = s.places.find((p) => p.panel !== null)?.panel;
    if (panel !== undefined && panel !== null)
      out.push(
        `Pctl: percentile among ${panel.description}, five-year growth ${panel.window.from}–${panel.window.to} (${panel.window.units.toLocaleString("en-US")} units).`,
      );
  }
  const c = s.check;
  const shown = s.kind === "level" ? level(c.projected) : c.projected.toFixed(2);
  out.push(
    "",
    `Check: assessed under the solved scenario, ${s.targetId} projects ${shown}${unit} (target ${COMPARATOR[s.comparator]} ${s.value.toLocaleString("en-US")}${unit}): ${points(c.ratio - 1)}% on the target's level, ${c.met ? "met" : "not met"}.`,
  );
  if (c.probability !== undefined)
    out.push(
      `Probability: ${c.probability.value.toFixed(3)} ± ${c.probability.standardError.toFixed(3)} (standard error; ${c.probability.paths.toLocaleString("en-US")} paths, seed ${c.probability.seed}).`,
    );
  if (s.notes.length > 0) out.push("", "Notes", ...s.notes.map((n) => `  - ${n}`));
  out.push(
    "",
    `Searched with ${s.evaluations.projections} projections${s.evaluations.simulations === 0 ? "" : ` and ${s.evaluations.simulations} simulations`}. --write-scenario FILE writes the solved scenario; regionsim assess --scenario FILE reproduces the check.`,
  );
  return `${out.join("\n")}\n`;
}
