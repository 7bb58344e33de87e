/**
 * Backtests the projection models on China's prefecture-level units with rolling origins
 * (`data/china-prefecture-gdp/CRE_Gdpct.csv`, the CSMAR CRE_Gdpct table), prints the tables and
 * the wall time, and writes them to `docs/backtest.md` between the `<!-- backtest:begin -->` and
 * `<!-- backtest:end -->` markers (the text around them, the findings, is kept).
 *
 * Run with `npm run backtest` (or `npx tsx scripts/backtest.ts`). Options:
 *   --no-write     print only, leave docs/backtest.md alone;
 *   --threads N    worker threads (default: 2, or 1 on a single core). The runs are shared out
 *                  whole, so the tables do not depend on N.
 *
 * Design (see docs/backtest.md):
 * - Units: every prefecture-level unit — a six-digit code ending in 00 (not 0000), outside the
 *   four municipalities, and not a group of counties administered by the province (prefecture
 *   digits 90). Years without a value are left out (gaps). Every series has a break at 2019
 *   (values from 2019 on are on the basis revised after the 4th economic census).
 * - GDP (a level, log scale): origins 2008–2017, horizons 1–5 (only target years ≤ 2018 are
 *   scored), each model fitted on the last 10 years up to the origin (a plan-tracking series is
 *   about that long: the Qujing pack starts in 2010); the same on the full history since 1990;
 *   and origins 2019–2020 after the break.
 * - Tertiary-industry share of GDP (a rate in (0, 100) %, logit scale): origins 2008–2017,
 *   horizons 1–5, last 10 years — the closest thing in the panel to a plan's rate indicators.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { backtest } from "../src/analysis/backtest.js";
import type {
  BacktestOptions,
  BacktestSeries,
  BacktestSpec,
} from "../src/analysis/backtestOptions.js";
import type { BacktestMetrics, BacktestResult } from "../src/analysis/backtestResult.js";
import { type PanelRow, readPrefecturePanel } from "../src/io/readPrefecturePanel.js";
import { isModelKind } from "../src/models/modelRegistry.js";
import { formatIssue } from "../src/schemas/issue.js";

/** Repository root (the parent of `scripts/`). */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const PANEL = "data/china-prefecture-gdp/CRE_Gdpct.csv";
const DOC = "docs/backtest.md";
const BEGIN = "<!-- backtest:begin -->";
const END = "<!-- backtest:end -->";

/** First year on the basis revised after the 4th national economic census (2018). */
const CENSUS_BREAK = 2019;
/** Province codes of the four municipalities (Beijing, Tianjin, Shanghai, Chongqing). */
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

/** Models for a level on the log scale, in table order. */
const LEVEL_SPECS: readonly BacktestSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend", form: "loglinear" },
  { kind: "trend", form: "linear" },
  { kind: "trend", form: "loglinear", weighting: "escap" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
  { kind: "auto" },
];

/** Models for a rate on the logit scale (`trend` without a form follows the logit scale). */
const RATE_SPECS: readonly BacktestSpec[] = [
  { kind: "naive" },
  { kind: "drift" },
  { kind: "trend" },
  { kind: "trend", form: "linear" },
  { kind: "trend", weighting: "escap" },
  { kind: "holt" },
  { kind: "holt", damped: true },
  { kind: "theta" },
  { kind: "logistic" },
  { kind: "auto" },
];

/** Nominal GDP growth (fractions a year) of the synthetic targets of the verdict hit rate. */
const GDP_VERDICT = { form: "growth", rates: [0.05, 0.075, 0.1, 0.125] } as const;
/** Rise of the tertiary share (percentage points a year) of its synthetic targets. */
const SHARE_VERDICT = { form: "change", rates: [0, 0.5, 1, 2] } as const;

type IndicatorId = "gdp" | "tertiary";

const INDICATORS: Readonly<
  Record<IndicatorId, { readonly name: string; readonly value: (row: PanelRow) => number | null }>
> = {
  gdp: { name: "GDP at current prices (亿元, `Gdpct01`)", value: (row) => row.gdp },
  tertiary: {
    name: "tertiary-industry share of GDP (%, `Gdpct04`)",
    value: (row) => row.tertiarySharePct,
  },
};

interface Run {
  readonly title: string;
  readonly indicator: IndicatorId;
  readonly description: string;
  readonly specs: readonly BacktestSpec[];
  readonly options: BacktestOptions;
  /** Show the bias by origin year (needs every forecast kept). */
  readonly byOrigin?: boolean;
  /** Rough cost in seconds on one core, to start the longest runs first. */
  readonly cost: number;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const PRE_BREAK_ORIGINS = range(2008, 2017);

const RUNS: readonly Run[] = [
  {
    title: "GDP, pre-break, last 10 years of training",
    indicator: "gdp",
    description:
      "Origins 2008–2017, horizons 1–5 (target years up to 2018), each model fitted on the last 10 years up to the origin, log scale.",
    specs: LEVEL_SPECS,
    options: {
      origins: PRE_BREAK_ORIGINS,
      horizon: 5,
      trainingYears: 10,
      verdict: GDP_VERDICT,
      keepForecasts: true,
    },
    byOrigin: true,
    cost: 20,
  },
  {
    title: "GDP, pre-break, full history",
    indicator: "gdp",
    description:
      "The same origins and horizons, each model fitted on every year since the series starts (1990 for most units). Without `auto`: its cross-validation refits every candidate at every origin of the training series, which on 20–28 years costs about a minute.",
    specs: LEVEL_SPECS.filter((s) => s.kind !== "auto"),
    options: { origins: PRE_BREAK_ORIGINS, horizon: 5, verdict: GDP_VERDICT },
    cost: 4,
  },
  {
    title: "GDP, post-break",
    indicator: "gdp",
    description:
      "Origins 2019–2020, horizons 1–2 (target years 2020–2021), fitted on the last 10 years with the 2019 break passed to the models. Two origins only, and 2020 is the pandemic year: read it as a check that the models handle the break, not as a ranking.",
    specs: LEVEL_SPECS,
    options: { origins: [2019, 2020], horizon: 2, trainingYears: 10, verdict: GDP_VERDICT },
    cost: 3,
  },
  {
    title: "Tertiary share (a rate), pre-break, last 10 years of training",
    indicator: "tertiary",
    description:
      "Origins 2008–2017, horizons 1–5, last 10 years, logit scale on (0, 100). Verdict targets: the share at the origin plus 0, 0.5, 1 or 2 percentage points a year.",
    specs: RATE_SPECS,
    options: {
      origins: PRE_BREAK_ORIGINS,
      horizon: 5,
      trainingYears: 10,
      verdict: SHARE_VERDICT,
      fit: { scale: "logit", bounds: [0, 100] },
      keepForecasts: true,
    },
    byOrigin: true,
    cost: 15,
  },
];

/** Whether a code is a prefecture-level unit (city, prefecture, autonomous prefecture, league). */
export function isPrefectureLevelUnit(code: string): boolean {
  return (
    /^\d{4}00$/.test(code) &&
    !code.endsWith("0000") &&
    !MUNICIPALITIES.has(code.slice(0, 2)) &&
    code.slice(2, 4) !== "90"
  );
}

/**
 * One series per prefecture-level unit (by code) of the indicator, with the census break; years
 * whose value is missing or outside the indicator's domain (GDP ≤ 0, a share outside (0, 100))
 * are left out.
 */
export function panelSeries(rows: readonly PanelRow[], indicator: IndicatorId): BacktestSeries[] {
  const inDomain = (x: number) => (indicator === "gdp" ? x > 0 : x > 0 && x < 100);
  const byCode = new Map<string, { year: number; value: number }[]>();
  for (const row of rows) {
    const value = INDICATORS[indicator].value(row);
    if (!isPrefectureLevelUnit(row.code) || value === null || !inDomain(value)) continue;
    const list = byCode.get(row.code) ?? [];
    list.push({ year: row.year, value });
    byCode.set(row.code, list);
  }
  return [...byCode.keys()].sort().map((code) => {
    const points = (byCode.get(code) ?? []).sort((a, b) => a.year - b.year);
    return {
      id: code,
      years: points.map((p) => p.year),
      values: points.map((p) => p.value),
      breaks: [CENSUS_BREAK],
    };
  });
}

function readPanel(): PanelRow[] {
  const read = readPrefecturePanel(readFileSync(join(repoRoot, PANEL), "utf8"), { file: PANEL });
  if (!read.ok) {
    for (const issue of read.issues.slice(0, 10)) console.error(formatIssue(issue));
    throw new Error(`${PANEL}: ${read.issues.length} issue(s)`);
  }
  return read.value;
}

// --- Tables -----------------------------------------------------------------------------------

const pct = (x: number | null, digits = 1): string =>
  x === null ? "–" : (100 * x).toFixed(digits);
const signed = (x: number | null, digits = 1): string =>
  (x !== null && x > 0 ? "+" : "") + pct(x, digits);
const num = (x: number | null, digits = 2): string => (x === null ? "–" : x.toFixed(digits));

const COLUMNS = [
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

function metricCells(label: string, m: BacktestMetrics): string[] {
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

const SUMMARY_COLUMNS = [...COLUMNS, "fits", "fallbacks", "failures"];

function summaryRows(result: BacktestResult): string[][] {
  return result.models.map((model) => [
    ...metricCells(model.label, model.overall),
    String(model.fits),
    String(model.fallbacks),
    String(model.failures),
  ]);
}

function detailRows(result: BacktestResult): string[][] {
  const rows: string[][] = [];
  for (const model of result.models)
    for (const m of model.byHorizon) if (m.n > 0) rows.push(metricCells(model.label, m));
  return rows;
}

/** Verdict hit rate by target rate at the longest horizon with data, and the base rate. */
function verdictTable(result: BacktestResult): { header: string[]; rows: string[][] } {
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
function byOriginTable(
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

function selectionNote(result: BacktestResult): string {
  const auto = result.models.find((m) => m.spec.kind === "auto");
  if (auto === undefined || auto.fits === 0) return "";
  const picks = auto.fittedKinds.map((k) => `${k.name} ${pct(k.count / auto.fits, 0)}%`);
  return `\`auto\` chose: ${picks.join(", ")}.`;
}

function failureNote(result: BacktestResult): string {
  const lines: string[] = [];
  for (const model of result.models)
    for (const f of model.failureMessages.slice(0, 3))
      lines.push(
        `- ${model.label}: ${f.count} × "${f.name}" (first: ${f.first.series}, origin ${f.first.origin})`,
      );
  return lines.length === 0 ? "No fit failed." : ["Failures:", ...lines].join("\n");
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map((_, j) => j > 0 && rows.every((r) => /^[-+–\d.]/.test(r[j] ?? "")));
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header),
    line(header.map((_, j) => (numeric[j] ? "---:" : "---"))),
    ...rows.map(line),
  ].join("\n");
}

function plainTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, j) => (j === 0 ? c.padEnd(widths[j] ?? 0) : c.padStart(widths[j] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

interface RunOutput {
  readonly index: number;
  readonly series: number;
  readonly specs: number;
  readonly skipped: readonly string[];
  readonly seconds: number;
  readonly result: BacktestResult;
}

let cachedRows: PanelRow[] | undefined;

/** Runs `RUNS[index]` (in whichever thread calls it). */
function execute(index: number): RunOutput {
  const run = RUNS[index] as Run;
  cachedRows ??= readPanel();
  const series = panelSeries(cachedRows, run.indicator);
  const specs = run.specs.filter((s) => isModelKind(s.kind));
  const skipped = run.specs.filter((s) => !isModelKind(s.kind)).map((s) => s.kind);
  const t0 = performance.now();
  const result = backtest(series, specs, run.options);
  const seconds = (performance.now() - t0) / 1000;
  return { index, series: series.length, specs: specs.length, skipped, seconds, result };
}

/** Every run, longest first, shared out to `threads` worker threads; results in `RUNS` order. */
async function executeAll(threads: number): Promise<RunOutput[]> {
  if (threads <= 1) return RUNS.map((_, i) => execute(i));
  const queue = RUNS.map((_, i) => i).sort((a, b) => (RUNS[b] as Run).cost - (RUNS[a] as Run).cost);
  const outputs: RunOutput[] = [];
  // tsx's loader is not inherited by worker threads: register it before importing this module.
  const bootstrap = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const w = new Worker(bootstrap, { eval: true, workerData: { backtestWorker: true } });
      const next = () => {
        const index = queue.shift();
        if (index === undefined) {
          void w.terminate().then(() => resolve());
          return;
        }
        w.postMessage(index);
      };
      w.on("message", (output: RunOutput) => {
        outputs.push(output);
        next();
      });
      w.on("error", reject);
      next();
    });
  await Promise.all(Array.from({ length: Math.min(threads, RUNS.length) }, worker));
  return outputs.sort((a, b) => a.index - b.index);
}

function renderMarkdown(outputs: readonly RunOutput[]): string {
  const parts: string[] = [
    BEGIN,
    "<!-- Generated by `npm run backtest` (scripts/backtest.ts); edit the script, not this block. -->",
    "",
    `Data: \`${PANEL}\`; every series has a break at ${CENSUS_BREAK}. Columns: MAPE/MdAPE = mean/median absolute percentage error; bias = mean percentage error (forecast − actual, + = too high); MASE = mean absolute error scaled by the in-sample one-step naive MAE of the training window; 80% cover = share of actuals inside the 80% interval; hit = verdict hit rate, bal. hit = balanced hit rate (0.5 for a call that ignores the forecast; see *Method*). \`fits\`, \`fallbacks\`, \`failures\` count (unit, origin) pairs.`,
  ];
  for (const { index, series, result } of outputs) {
    const run = RUNS[index] as Run;
    const verdict = verdictTable(result);
    parts.push(
      "",
      `### ${run.title}`,
      "",
      `${INDICATORS[run.indicator].name} of ${series} units. ${run.description} ${result.pairs} (unit, origin) pairs.`,
      "",
      markdownTable(SUMMARY_COLUMNS, summaryRows(result)),
      "",
      "<details><summary>By horizon</summary>",
      "",
      markdownTable(COLUMNS, detailRows(result)),
      "",
      "</details>",
      "",
      `Verdict hit rate % by target at the longest horizon (in parentheses: % of calls "met"; last row: % of actuals that met the target, the hit rate of always calling "met"):`,
      "",
      markdownTable(verdict.header, verdict.rows),
    );
    if (run.byOrigin === true) {
      const bias = byOriginTable(result, "bias");
      const mape = byOriginTable(result, "mape");
      parts.push(
        "",
        "Bias % by origin year (all horizons):",
        "",
        markdownTable(bias.header, bias.rows),
        "",
        "MAPE % by origin year (all horizons):",
        "",
        markdownTable(mape.header, mape.rows),
      );
    }
    const note = selectionNote(result);
    if (note !== "") parts.push("", note);
    parts.push("", failureNote(result));
  }
  parts.push("", END);
  return parts.join("\n");
}

function writeDoc(block: string): void {
  const path = join(repoRoot, DOC);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    text = `# Backtest of the projection models\n\n${BEGIN}\n${END}\n`;
  }
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC}: markers ${BEGIN} … ${END} not found`);
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + END.length));
}

function threadsOption(): number {
  const at = process.argv.indexOf("--threads");
  if (at < 0) return Math.min(2, availableParallelism());
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--threads must be a positive integer`);
  return n;
}

async function main(): Promise<void> {
  const write = !process.argv.includes("--no-write");
  const threads = threadsOption();
  const started = performance.now();
  const outputs = await executeAll(threads);
  for (const { index, series, specs, skipped, seconds, result } of outputs) {
    const run = RUNS[index] as Run;
    console.log(
      `\n== ${run.title}: ${series} units, ${result.pairs} (unit, origin) pairs × ${specs} models, ${seconds.toFixed(1)} s`,
    );
    if (skipped.length > 0) console.log(`not registered, skipped: ${skipped.join(", ")}`);
    console.log(plainTable(SUMMARY_COLUMNS, summaryRows(result)));
    console.log("");
    console.log(plainTable(COLUMNS, detailRows(result)));
    const verdict = verdictTable(result);
    console.log(`\nverdict hit rate % at the longest horizon (% called "met"):`);
    console.log(plainTable(verdict.header, verdict.rows));
    if (run.byOrigin === true) {
      for (const metric of ["bias", "mape"] as const) {
        const table = byOriginTable(result, metric);
        console.log(`\n${metric === "bias" ? "bias" : "MAPE"} % by origin year:`);
        console.log(plainTable(table.header, table.rows));
      }
    }
    const note = selectionNote(result);
    if (note !== "") console.log(note);
    console.log(failureNote(result));
  }
  if (write) {
    writeDoc(renderMarkdown(outputs));
    console.log(`\nwrote ${DOC}`);
  }
  const wall = (performance.now() - started) / 1000;
  console.log(`wall time ${wall.toFixed(1)} s on ${threads} thread(s)`);
}

const invokedPath = process.argv[1];
if (!isMainThread && (workerData as { backtestWorker?: boolean } | null)?.backtestWorker === true) {
  parentPort?.on("message", (index: number) => parentPort?.postMessage(execute(index)));
} else if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
