/**
 * The tables of `npm run backtest`: summary, by horizon, interval coverage by horizon, verdicts,
 * bias and MAPE by origin, the benchmark line, as Markdown (docs/backtest.md) or plain text.
 */
import type { BacktestMetrics, BacktestResult } from "../../src/analysis/backtestResult.js";

/** A fraction as a whole percent ("–" for none), as the calibration and replay tables show it. */
export const wholePercent = (x: number | null): string =>
  x === null ? "–" : String(Math.round(100 * x));
const pct = (x: number | null, digits = 1): string =>
  x === null ? "–" : (100 * x).toFixed(digits);
const signed = (x: number | null, digits = 1): string =>
  (x !== null && x > 0 ? "+" : "") + pct(x, digits);
const num = (x: number | null, digits = 2): string => (x === null ? "–" : x.toFixed(digits));

export const COLUMNS = [
  "model",
  "h",
  "n",
  "MAPE %",
  "MdAPE %",
  "bias %",
  "MASE",
  "80% cover %",
  "hit %",
  "bal. hit %",
] as const;

export function metricCells(label: string, m: BacktestMetrics): string[] {
  return [
    label,
    m.horizon === null ? "all" : String(m.horizon),
    String(m.n),
    pct(m.mape),
    pct(m.mdape),
    signed(m.mpe),
    num(m.mase),
    m.nInterval === 0 ? "–" : pct(m.coverage, 0),
    pct(m.hitRate),
    pct(m.balancedHitRate),
  ];
}

export const SUMMARY_COLUMNS = [...COLUMNS, "fits", "fallbacks", "failures"];

export function summaryRows(result: BacktestResult): string[][] {
  return result.models.map((model) => [
    ...metricCells(model.label, model.overall),
    String(model.fits),
    String(model.fallbacks),
    String(model.failures),
  ]);
}

export function detailRows(result: BacktestResult): string[][] {
  const rows: string[][] = [];
  for (const model of result.models)
    for (const m of model.byHorizon) if (m.n > 0) rows.push(metricCells(model.label, m));
  return rows;
}

/** Verdict hit rate by target rate at the longest horizon with data, and the base rate. */
export function verdictTable(result: BacktestResult): { header: string[]; rows: string[][] } {
  const unit = result.verdict.form === "growth" ? "%/yr" : " pt/yr";
  const show = (r: number) => (result.verdict.form === "growth" ? `${100 * r}` : `+${r}`);
  const header = ["model", "h", ...result.verdict.rates.map((r) => `${show(r)}${unit}`)];
  const rows: string[][] = [];
  const share = (k: number, n: number) => pct(n === 0 ? null : k / n, 0);
  let base: BacktestMetrics | undefined;
  for (const model of result.models) {
    const m = [...model.byHorizon].reverse().find((x) => x.n > 0);
    if (m === undefined) continue;
    base ??= m;
    rows.push([
      model.label,
      String(m.horizon),
      ...m.verdicts.map((v) => `${share(v.hits, v.n)} (${share(v.calledMet, v.n)})`),
    ]);
  }
  if (base !== undefined)
    rows.push([
      "*actually met*",
      String(base.horizon),
      ...base.verdicts.map((v) => share(v.actualMet, v.n)),
    ]);
  return { header, rows };
}

/** Mean percentage error (bias) or mean absolute percentage error by origin year, per model. */
export function byOriginTable(
  result: BacktestResult,
  metric: "bias" | "mape",
): { header: string[]; rows: string[][] } {
  const header = ["model", ...result.origins.map(String)];
  const rows = result.models.map((model) => {
    const sums = new Map<number, { sum: number; n: number }>();
    for (const f of model.forecasts ?? []) {
      if (f.actual === 0) continue;
      const relative = (f.forecast - f.actual) / f.actual;
      const s = sums.get(f.origin) ?? { sum: 0, n: 0 };
      s.sum += metric === "bias" ? relative : Math.abs(relative);
      s.n++;
      sums.set(f.origin, s);
    }
    return [
      model.label,
      ...result.origins.map((o) => {
        const s = sums.get(o);
        if (s === undefined) return "–";
        return metric === "bias" ? signed(s.sum / s.n, 0) : pct(s.sum / s.n, 0);
      }),
    ];
  });
  return { header, rows };
}

export function selectionNote(result: BacktestResult): string {
  const auto = result.models.find((m) => m.spec.kind === "auto");
  if (auto === undefined || auto.fits === 0) return "";
  const picks = auto.fittedKinds.map((k) => `${k.name} ${pct(k.count / auto.fits, 0)}%`);
  return `\`auto\` chose: ${picks.join(", ")}.`;
}

export function failureNote(result: BacktestResult): string {
  const lines: string[] = [];
  for (const model of result.models)
    for (const f of model.failureMessages.slice(0, 3))
      lines.push(
        `- ${model.label}: ${f.count} × "${f.name}" (first: ${f.first.series}, origin ${f.first.origin})`,
      );
  return lines.length === 0 ? "No fit failed." : ["Failures:", ...lines].join("\n");
}

export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const numeric = header.map((_, j) => j > 0 && rows.every((r) => /^[-+–\d.]/.test(r[j] ?? "")));
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header),
    line(header.map((_, j) => (numeric[j] ? "---:" : "---"))),
    ...rows.map(line),
  ].join("\n");
}

export function plainTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** 80% (the run's level) interval coverage % by horizon and pooled, one row per model. */
export function coverageTable(result: BacktestResult): { header: string[]; rows: string[][] } {
  const horizons = Array.from({ length: result.horizon }, (_, i) => i + 1);
  const header = ["model", ...horizons.map((h) => `h = ${h}`), "all"];
  const cell = (m: BacktestMetrics | undefined) =>
    m === undefined || m.nInterval === 0 ? "–" : pct(m.coverage, 0);
  const rows = result.models.map((model) => [
    model.label,
    ...horizons.map((h) => cell(model.byHorizon.find((m) => m.horizon === h && m.n > 0))),
    cell(model.overall),
  ]);
  return { header, rows };
}

/** Share by which a model must beat the better of naive and drift (MASE × 0.88). */
export const BENCHMARK_GAIN = 0.12;

/**
 * The better of naive and drift by pooled MASE, the MASE a model 12% better must reach, and each
 * model's MASE relative to that benchmark; "" when the run has not both.
 */
export function benchmarkNote(result: BacktestResult): string {
  const mase = (kind: string) =>
    result.models.find((m) => m.spec.kind === kind && Object.keys(m.spec).length === 1)?.overall
      .mase ?? null;
  const naive = mase("naive");
  const drift = mase("drift");
  if (naive === null || drift === null) return "";
  const [name, best] = naive <= drift ? ["naive", naive] : ["drift", drift];
  const relative = result.models
    .filter((m) => m.overall.mase !== null)
    .map((m) => `${m.label} ${num((m.overall.mase as number) / best)}`);
  return (
    `Benchmark (MASE, all horizons): the better of naive (${num(naive)}) and drift (${num(drift)}) is ${name}; ` +
    `a model ${Math.round(100 * BENCHMARK_GAIN)}% better must reach MASE ≤ ${num((1 - BENCHMARK_GAIN) * best)}. ` +
    `MASE relative to ${name}: ${relative.join(", ")}.`
  );
}
