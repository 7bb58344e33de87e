/**
 * Replays the library's verdicts against history: for past plan periods (base year B = 2008 …
 * 2013, target year T = B + 5 ≤ 2018, never across the 2019 census break), each unit's GDP target
 * "at least g a year from B to T" (g = 6.5%, 7%, 10%, 13%) is judged in the mid-term year J = B + 2
 * from the data up to J, by the library's own assessment (`assessPack`: statuses from the
 * projection) and simulation (`simulatePack`: probabilities and the statuses they give), with the
 * default model and uncertainty; then the target year's observation says whether it was met.
 * Units: every prefecture-level unit (`data/china-prefecture-gdp/CRE_Gdpct.csv`) and every
 * county-level unit of the shared county panel, one pack per province and period
 * (`scripts/replay/replayPack.ts`).
 *
 * Prints the hit rate of each status (the share of its targets met) and the reliability of the
 * probabilities (`scripts/replay/verdictTables.ts`), and writes them to docs/backtest.md between
 * `<!-- replay:begin -->` and `<!-- replay:end -->` unless `--no-write`.
 *
 * Run with `npm run replay` (`-- --level prefecture` for the prefectures only; `--paths N`,
 * default 1000; `--shared DIR` or `$REGIONSIM_SHARED` for the county panel; `--uncalibrated` to
 * compare with the uncertainty model before its calibration by horizon; `--no-write`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BacktestSeries } from "../src/analysis/backtestOptions.js";
import { assessPack } from "../src/assessment/assessPack.js";
import { readCountyPanel } from "../src/io/readCountyPanel.js";
import { readPrefecturePanel } from "../src/io/readPrefecturePanel.js";
import { INTERVAL_CALIBRATION } from "../src/scenarios/intervalCalibration.generated.js";
import { simulatePack } from "../src/simulation/simulatePack.js";
import { countyPanelSeries, countyProvinces } from "./backtest/countySeries.js";
import { findBlock } from "./backtest/docBlock.js";
import { panelSeries } from "./backtest/prefectureSeries.js";
import { wholePercent } from "./backtest/tables.js";
import { countyPanelPath, repoRoot, sharedDir } from "./cn-panels.js";
import { type ReplayWindow, replayPack } from "./replay/replayPack.js";
import {
  type JudgedTarget,
  reliability,
  STATUS_ORDER,
  statusHits,
} from "./replay/verdictTables.js";

/** The growth thresholds, fractions a year: the national plans' 6.5% and 7%, and two nominal ones. */
export const REPLAY_RATES = [0.065, 0.07, 0.1, 0.13] as const;
/** Plan periods: base years 2008–2013, five years each, judged two years in. */
export const REPLAY_WINDOWS: readonly ReplayWindow[] = [2008, 2009, 2010, 2011, 2012, 2013].map(
  (b) => ({ baseYear: b, targetYear: b + 5, judgedIn: b + 2 }),
);
/** Years of data up to the judgement year each unit is judged on (as the backtest's window). */
export const REPLAY_TRAINING_YEARS = 10;
const DOC = "docs/backtest.md";

type Level = "prefecture" | "county";

function levelSeries(
  level: Level,
  shared: string,
): { series: BacktestSeries[]; province: Map<string, string> } {
  if (level === "prefecture") {
    const path = "data/china-prefecture-gdp/CRE_Gdpct.csv";
    const read = readPrefecturePanel(readFileSync(join(repoRoot, path), "utf8"), { file: path });
    if (!read.ok) throw new Error(`${path}: ${read.issues.length} issue(s)`);
    const series = panelSeries(read.value, "gdp");
    return { series, province: new Map(series.map((s) => [s.id, s.id.slice(0, 2)])) };
  }
  const path = countyPanelPath(shared);
  const read = readCountyPanel(readFileSync(path, "utf8"), { file: path });
  if (!read.ok) throw new Error(`${path}: ${read.issues.length} issue(s)`);
  return {
    series: countyPanelSeries(read.value, "gdp").series,
    province: countyProvinces(read.value),
  };
}

/** The judged targets of a level: by the projection (assessPack) and by the simulation. */
export async function replayLevel(
  level: Level,
  shared: string,
  paths: number,
): Promise<{
  projection: (JudgedTarget & { rate: number })[];
  simulation: (JudgedTarget & { rate: number })[];
  units: number;
}> {
  const { series, province } = levelSeries(level, shared);
  const byProvince = new Map<string, BacktestSeries[]>();
  for (const s of series) {
    const p = province.get(s.id);
    if (p === undefined) continue;
    byProvince.set(p, [...(byProvince.get(p) ?? []), s]);
  }
  const projection: (JudgedTarget & { rate: number })[] = [];
  const simulation: (JudgedTarget & { rate: number })[] = [];
  const units = new Set<string>();
  for (const window of REPLAY_WINDOWS)
    for (const [p, list] of [...byProvince].sort((a, b) => a[0].localeCompare(b[0]))) {
      const built = replayPack(
        `p${p}-${window.baseYear}`,
        list,
        window,
        REPLAY_RATES,
        REPLAY_TRAINING_YEARS,
      );
      if (built === undefined) continue;
      const scenario = {
        id: "default",
        nameEn: "Defaults",
        description: "Defaults.",
        toYear: window.targetYear,
      };
      const det = assessPack(built.pack, scenario);
      const sim = await simulatePack(built.pack, scenario, { paths, seed: 1, workers: 0 });
      const detRows = new Map(det.rows.map((r) => [r.targetId, r]));
      const simRows = new Map(sim.assessment.rows.map((r) => [r.targetId, r]));
      for (const o of built.outcomes) {
        units.add(o.unit);
        const d = detRows.get(o.targetId);
        const s = simRows.get(o.targetId);
        if (d !== undefined)
          projection.push({ status: d.status, probability: null, met: o.met, rate: o.rate });
        if (s !== undefined)
          simulation.push({
            status: s.status,
            probability: s.probability,
            met: o.met,
            rate: o.rate,
          });
      }
    }
  return { projection, simulation, units: units.size };
}

/** The Markdown tables of one level. */
export function renderLevel(level: Level, r: Awaited<ReturnType<typeof replayLevel>>): string {
  const out: string[] = [];
  const n = r.projection.length;
  out.push(
    `### ${level === "prefecture" ? "Prefecture-level units" : "County-level units"}`,
    "",
    `${r.units} units, ${n} targets (unit × period × threshold).`,
    "",
    "Share of targets met, by status (in parentheses: targets with that status):",
    "",
    `| status | by the projection | by the probability | ${REPLAY_RATES.map((g) => `${(100 * g).toFixed(1)}%/yr (prob.)`).join(" | ")} |`,
    `| --- | ---: | ---: | ${REPLAY_RATES.map(() => "---:").join(" | ")} |`,
  );
  const det = statusHits(r.projection);
  const sim = statusHits(r.simulation);
  const statuses = [...new Set([...det, ...sim].map((s) => s.status))];
  const ordered = STATUS_ORDER.filter((s) => statuses.includes(s));
  const cell = (h: { n: number; met: number } | undefined) =>
    h === undefined || h.n === 0 ? "–" : `${wholePercent(h.met / h.n)} (${h.n})`;
  for (const status of ordered) {
    const byRate = REPLAY_RATES.map((g) =>
      cell(statusHits(r.simulation.filter((j) => j.rate === g)).find((h) => h.status === status)),
    );
    out.push(
      `| ${status} | ${cell(det.find((h) => h.status === status))} | ${cell(sim.find((h) => h.status === status))} | ${byRate.join(" | ")} |`,
    );
  }
  const metAll = r.projection.filter((j) => j.met).length;
  out.push(
    `| *all* | ${wholePercent(metAll / Math.max(1, n))} (${n}) | ${wholePercent(r.simulation.filter((j) => j.met).length / Math.max(1, r.simulation.length))} (${r.simulation.length}) | ${REPLAY_RATES.map(
      (g) => {
        const of = r.simulation.filter((j) => j.rate === g);
        return `${wholePercent(of.filter((j) => j.met).length / Math.max(1, of.length))} (${of.length})`;
      },
    ).join(" | ")} |`,
  );
  const rel = reliability(r.simulation, 10);
  out.push(
    "",
    `Reliability of the simulated probabilities of attainment (${rel.n} targets with a probability): Brier score ${rel.brier?.toFixed(3) ?? "–"} (predicting the base rate for every target: ${rel.baseRateBrier?.toFixed(3) ?? "–"}).`,
    "",
    "| probability | targets | mean predicted % | met % |",
    "| --- | ---: | ---: | ---: |",
    ...rel.bins.map(
      (b) =>
        `| ${b.lower.toFixed(1)}–${b.upper.toFixed(1)} | ${b.n} | ${wholePercent(b.predicted)} | ${wholePercent(b.observed)} |`,
    ),
  );
  return out.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const shared = sharedDir(arg("--shared"));
  const paths = Number(arg("--paths") ?? 1000);
  const only = arg("--level");
  if (only !== undefined && only !== "prefecture" && only !== "county")
    throw new Error(`--level must be prefecture or county (got ${only})`);
  if (!(Number.isInteger(paths) && paths >= 100))
    throw new Error(`--paths must be an integer ≥ 100 (got ${arg("--paths")})`);
  const levels: Level[] = only === undefined ? ["prefecture", "county"] : [only];
  // --uncalibrated: the same replay with the calibration by horizon switched off, to compare
  // (this process only: the shipped factors are emptied before any series is estimated).
  const uncalibrated = process.argv.includes("--uncalibrated");
  if (uncalibrated)
    for (const scale of ["log", "logit"] as const) {
      const table = INTERVAL_CALIBRATION[scale] as Record<string, unknown>;
      for (const kind of Object.keys(table)) delete table[kind];
    }
  const t0 = performance.now();
  const parts: string[] = [
    "<!-- Generated by `npm run replay` (scripts/replay-verdicts.ts); edit the script, not this block. -->",
    "",
    `Plan periods with base years ${REPLAY_WINDOWS[0]?.baseYear}–${REPLAY_WINDOWS.at(-1)?.baseYear} (target years ${REPLAY_WINDOWS[0]?.targetYear}–${REPLAY_WINDOWS.at(-1)?.targetYear}), judged two years in from the last ${REPLAY_TRAINING_YEARS} years of data; GDP thresholds ${REPLAY_RATES.map((g) => `${(100 * g).toFixed(1)}%`).join(", ")} a year from the base year; default model and uncertainty${uncalibrated ? " without the calibration by horizon" : ""}; ${paths} paths a pack (seed 1).`,
  ];
  for (const level of levels) {
    const r = await replayLevel(level, shared, paths);
    const text = renderLevel(level, r);
    parts.push("", text);
    process.stdout.write(`${text}\n\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`${seconds.toFixed(0)} s\n`);
  if (!process.argv.includes("--no-write")) {
    if (only !== undefined || uncalibrated)
      throw new Error(
        "write the block with both levels, calibrated (omit --level, --uncalibrated), or pass --no-write",
      );
    const path = join(repoRoot, DOC);
    const text = readFileSync(path, "utf8");
    const at = findBlock(text, "replay");
    if (at === undefined)
      throw new Error(`${DOC}: markers <!-- replay:begin --> … <!-- replay:end --> not found`);
    const block = ["<!-- replay:begin -->", ...parts, "", "<!-- replay:end -->"].join("\n");
    writeFileSync(path, text.slice(0, at.start) + block + text.slice(at.stop));
  }
}
