/**
 * Backtests the projection models with rolling origins on China's prefecture-level units
 * (`data/china-prefecture-gdp/CRE_Gdpct.csv`, the CSMAR CRE_Gdpct table) or county-level units
 * (the shared `cn-panels/county_panel.csv`), prints the tables and the wall time, and writes them
 * to `docs/backtest.md` between the level's and window's markers (`<!-- backtest:begin -->` …
 * `<!-- backtest:end -->` for the prefectures on 10 years, `<!-- backtest:county:begin -->`,
 * `<!-- backtest:county:window-3:begin -->` …; the text around them, the findings, is kept).
 *
 * Run with `npm run backtest` (or `npx tsx scripts/backtest.ts`); the options are in
 * `scripts/backtest/args.ts` (`--level prefecture|county`, `--window N`, `--threads N`,
 * `--shared DIR`, `--no-write`). The runs of a level and window are in `scripts/backtest/runs.ts`,
 * the series rules in `scripts/backtest/prefectureSeries.ts` and `countySeries.ts`.
 *
 * Work is shared out to worker threads one (run, model) at a time, longest first: `backtest` fits
 * each model independently, so the tables do not depend on the number of threads.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { backtest } from "../src/analysis/backtest.js";
import type { BacktestSeries } from "../src/analysis/backtestOptions.js";
import type { BacktestResult } from "../src/analysis/backtestResult.js";
import { readCountyPanel } from "../src/io/readCountyPanel.js";
import { readPrefecturePanel } from "../src/io/readPrefecturePanel.js";
import { isModelKind } from "../src/models/modelRegistry.js";
import { formatIssue } from "../src/schemas/issue.js";
import { type BacktestArgs, type BacktestLevel, parseBacktestArgs } from "./backtest/args.js";
import { type CalibratedCover, calibratedCover } from "./backtest/calibratedCover.js";
import { countyPanelSeries, countyProvinces, scoredUnits } from "./backtest/countySeries.js";
import { findBlock, markers } from "./backtest/docBlock.js";
import { panelSeries } from "./backtest/prefectureSeries.js";
import { renderMarkdown, renderText } from "./backtest/render.js";
import {
  backtestRuns,
  blockId,
  type DataNote,
  type IndicatorId,
  jobCost,
  type Run,
  type RunOutput,
} from "./backtest/runs.js";
import { CALIBRATION_LEVEL } from "./calibrate-intervals.js";
import { countyPanelPath, sharedDir } from "./cn-panels.js";

/** Repository root (the parent of `scripts/`). */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const PREFECTURE_PANEL = "data/china-prefecture-gdp/CRE_Gdpct.csv";
const DOC = "docs/backtest.md";

/** One (run, model) job's output. */
interface JobOutput {
  readonly run: number;
  readonly spec: number;
  readonly seconds: number;
  readonly data: DataNote;
  readonly result: BacktestResult;
  readonly calibrated: CalibratedCover | undefined;
}

interface JobContext {
  readonly level: BacktestLevel;
  readonly window: number;
  readonly shared: string | undefined;
}

const cache = new Map<IndicatorId, { series: BacktestSeries[]; data: DataNote }>();
/** The province (two-digit code) of each series id of the level read. */
const provinces = new Map<string, string>();

function readPrefecture(): Map<IndicatorId, { series: BacktestSeries[]; data: DataNote }> {
  const read = readPrefecturePanel(readFileSync(join(repoRoot, PREFECTURE_PANEL), "utf8"), {
    file: PREFECTURE_PANEL,
  });
  if (!read.ok) {
    for (const issue of read.issues.slice(0, 10)) console.error(formatIssue(issue));
    throw new Error(`${PREFECTURE_PANEL}: ${read.issues.length} issue(s)`);
  }
  const out = new Map<IndicatorId, { series: BacktestSeries[]; data: DataNote }>();
  for (const indicator of ["gdp", "tertiary"] as const) {
    const series = panelSeries(read.value, indicator);
    for (const s of series) provinces.set(s.id, s.id.slice(0, 2));
    out.set(indicator, { series, data: { series: series.length, scored: 0 } });
  }
  return out;
}

function readCounty(
  shared: string | undefined,
): Map<IndicatorId, { series: BacktestSeries[]; data: DataNote }> {
  const path = countyPanelPath(sharedDir(shared));
  const read = readCountyPanel(readFileSync(path, "utf8"), { file: path });
  if (!read.ok) {
    for (const issue of read.issues.slice(0, 10)) console.error(formatIssue(issue));
    throw new Error(`${path}: ${read.issues.length} issue(s)`);
  }
  const out = new Map<IndicatorId, { series: BacktestSeries[]; data: DataNote }>();
  for (const [id, code] of countyProvinces(read.value)) provinces.set(id, code);
  for (const indicator of ["gdp", "tertiary"] as const) {
    const built = countyPanelSeries(read.value, indicator);
    out.set(indicator, {
      series: built.series,
      data: {
        series: built.series.length,
        scored: 0,
        unitsWithGdp: built.unitsWithGdp,
        valuesLeftOut: built.valuesLeftOut,
        jumps: built.jumps,
      },
    });
  }
  return out;
}

/** Runs model `spec` of run `run` (in whichever thread calls it). */
function executeJob(context: JobContext, run: number, spec: number): JobOutput {
  const runs = backtestRuns(context.level, context.window);
  const r = runs[run] as Run;
  if (cache.size === 0) {
    const read = context.level === "prefecture" ? readPrefecture() : readCounty(context.shared);
    for (const [k, v] of read) cache.set(k, v);
  }
  const cached = cache.get(r.indicator) as { series: BacktestSeries[]; data: DataNote };
  const { series } = cached;
  const data = {
    ...cached.data,
    scored: scoredUnits(series, r.options.origins, r.options.horizon),
  };
  const t0 = performance.now();
  const panel = r.panelSpecs?.includes(spec) === true;
  const out = backtest(series, [r.specs[spec] as Run["specs"][number]], {
    ...r.options,
    ...(panel ? { panel: true } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  const first = out.models[0] as BacktestResult["models"][number];
  const result = panel ? { ...out, models: [{ ...first, label: `${first.label}+panel` }] } : out;
  // The calibrated interval of the shared uncertainty model, for the runs that keep forecasts.
  const model = result.models[0];
  const calibrated =
    model === undefined || r.options.trainingYears === undefined
      ? undefined
      : calibratedCover(
          model,
          series,
          provinces,
          r.indicator === "gdp" ? "log" : "logit",
          r.options.trainingYears,
          r.options.horizon,
          CALIBRATION_LEVEL,
          context.level,
        );
  // Forecasts are only needed here and for the by-origin tables of the main thread.
  return { run, spec, seconds, data, result, calibrated };
}

/** Every (run, model) job, longest first, shared out to `threads` worker threads. */
async function executeAll(context: JobContext, threads: number): Promise<RunOutput[]> {
  const runs = backtestRuns(context.level, context.window);
  const jobs = runs.flatMap((r, i) =>
    r.specs.flatMap((s, j) =>
      isModelKind(s.kind) ? [{ run: i, spec: j, cost: jobCost(r, s) }] : [],
    ),
  );
  const outputs: JobOutput[] = [];
  if (threads <= 1) {
    for (const job of jobs) outputs.push(executeJob(context, job.run, job.spec));
  } else {
    const queue = [...jobs].sort((a, b) => b.cost - a.cost);
    // tsx's loader is not inherited by worker threads: register it before importing this module.
    const bootstrap = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(bootstrap, {
          eval: true,
          workerData: { backtestWorker: true, context },
        });
        const next = () => {
          const job = queue.shift();
          if (job === undefined) {
            void w.terminate().then(() => resolve());
            return;
          }
          w.postMessage({ run: job.run, spec: job.spec });
        };
        w.on("message", (output: JobOutput) => {
          outputs.push(output);
          next();
        });
        w.on("error", reject);
        next();
      });
    await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, worker));
  }
  return runs.map((run, i) => {
    const mine = outputs.filter((o) => o.run === i).sort((a, b) => a.spec - b.spec);
    const first = mine[0] as JobOutput;
    return {
      run,
      data: first.data,
      seconds: mine.map((o) => o.seconds),
      skipped: run.specs.filter((s) => !isModelKind(s.kind)).map((s) => s.kind),
      result: { ...first.result, models: mine.map((o) => o.result.models[0]) },
      ...(run.options.keepForecasts === true ? { calibrated: mine.map((o) => o.calibrated) } : {}),
    } as RunOutput;
  });
}

function checkDoc(id: string): void {
  const { begin, end } = markers(id);
  if (findBlock(readFileSync(join(repoRoot, DOC), "utf8"), id) === undefined)
    throw new Error(
      `${DOC}: markers ${begin} … ${end} not found on lines of their own (add them, or pass --no-write)`,
    );
}

function writeDoc(id: string, block: string): void {
  const path = join(repoRoot, DOC);
  const text = readFileSync(path, "utf8");
  const at = findBlock(text, id);
  if (at === undefined) throw new Error(`${DOC}: the markers of ${id} are gone`);
  writeFileSync(path, text.slice(0, at.start) + block + text.slice(at.stop));
}

async function main(args: BacktestArgs): Promise<void> {
  const id = blockId(args.level, args.window);
  if (args.write) checkDoc(id);
  if (args.level === "county") countyPanelPath(sharedDir(args.shared));
  const started = performance.now();
  const outputs = await executeAll(args, args.threads);
  console.log(renderText(outputs));
  if (args.write) {
    const { begin, end } = markers(id);
    writeDoc(id, renderMarkdown(outputs, args.level, begin, end));
    console.log(`\nwrote ${DOC} (${begin})`);
  }
  const wall = (performance.now() - started) / 1000;
  console.log(`wall time ${wall.toFixed(1)} s on ${args.threads} thread(s)`);
}

const invokedPath = process.argv[1];
const worker = workerData as { backtestWorker?: boolean; context?: JobContext } | null;
if (!isMainThread && worker?.backtestWorker === true) {
  const context = worker.context as JobContext;
  parentPort?.on("message", (job: { run: number; spec: number }) =>
    parentPort?.postMessage(executeJob(context, job.run, job.spec)),
  );
} else if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  try {
    const args = parseBacktestArgs(process.argv.slice(2), availableParallelism());
    main(args).catch((error: unknown) => {
      console.error(`backtest: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
  } catch (error) {
    console.error(`backtest: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
