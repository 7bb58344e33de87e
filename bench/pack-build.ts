/**
 * Pack-building benchmark: reads the full county panel (cn-panels' county_panel.csv, about 30 MB
 * and 297,000 rows) and the prefecture panel, and builds the packs of a few cities, several times.
 * Prints one JSON line per stage with the median and the spread (min–max) over the runs, then
 * whether reading both panels and building one pack stays under the goal of 5 s.
 *
 *     npm run bench:pack [-- --panel ../shared/data/cn-panels/county_panel.csv
 *                            --prefecture-panel ../shared/data/cn-panels/prefecture_panel.csv
 *                            --cities 530300,530400 --runs 5]
 *
 * Stages: `read` (read the file from disk, decode it and parse it with readCountyPanel), `read
 * streamed` (the same through 1 MiB chunks, never one string), `read prefecture`, and `build
 * <city>` (buildPackFromPanel on the rows read, with the prefecture rows). The panels are read
 * from a path (default: the shared data beside the repository); they are never shipped.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildPackFromPanel, readCityPanel, readCountyPanel } from "regionsim";

const SHARED = fileURLToPath(new URL("../../shared/data/cn-panels/", import.meta.url));
const GOAL_MS = 5000;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}
const panel = option("panel", `${SHARED}county_panel.csv`);
const prefecturePanel = option("prefecture-panel", `${SHARED}prefecture_panel.csv`);
const cities = option("cities", "530300,530400").split(",");
const runs = Number(option("runs", "5"));
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
if (!existsSync(panel)) {
  console.error(`bench:pack: ${panel} not found; give the county panel with --panel <file>`);
  process.exit(2);
}

/** The file's text in 1 MiB chunks, decoded as a stream (a character may span two chunks). */
function* chunks(path: string): Generator<string> {
  const fd = openSync(path, "r");
  const buffer = new Uint8Array(1 << 20);
  const decoder = new TextDecoder("utf-8");
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      yield decoder.decode(buffer.subarray(0, n), { stream: true });
    }
    const rest = decoder.decode();
    if (rest !== "") yield rest;
  } finally {
    closeSync(fd);
  }
}

const times = new Map<string, number[]>();
const time = <T>(stage: string, f: () => T): T => {
  const start = performance.now();
  const value = f();
  const list = times.get(stage) ?? [];
  list.push(performance.now() - start);
  times.set(stage, list);
  return value;
};

let rowsRead = 0;
for (let r = 0; r < runs; r++) {
  const county = time("read", () => readCountyPanel(readFileSync(panel, "utf8"), { file: panel }));
  if (!county.ok) throw new Error(`${panel} does not read: ${county.issues[0]?.message}`);
  rowsRead = county.value.length;
  time("read streamed", () => readCountyPanel(chunks(panel), { file: panel }));
  const prefecture = existsSync(prefecturePanel)
    ? time("read prefecture", () => readCityPanel(readFileSync(prefecturePanel, "utf8")))
    : undefined;
  const prefectureRows = prefecture?.ok === true ? prefecture.value : undefined;
  for (const city of cities) {
    const built = time(`build ${city}`, () =>
      buildPackFromPanel(county.value, {
        city,
        ...(prefectureRows === undefined ? {} : { prefectureRows }),
      }),
    );
    if (!built.ok) throw new Error(`${city}: ${built.issues[0]?.message}`);
    if (r === 0)
      console.log(
        JSON.stringify({
          city,
          pack: built.value.id,
          name: built.value.nameZh,
          places: built.value.dataset.places.length,
          observations: built.value.dataset.observations.length,
        }),
      );
  }
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : 0.5 * ((s[m - 1] as number) + (s[m] as number));
};
const ms = (x: number) => Math.round(x);
for (const [stage, v] of times)
  console.log(
    JSON.stringify({
      stage,
      medianMs: ms(median(v)),
      spreadMs: [ms(Math.min(...v)), ms(Math.max(...v))],
      runs,
    }),
  );
const stageMedian = (stage: string) => median(times.get(stage) ?? [0]);
const worstBuild = Math.max(...cities.map((c) => stageMedian(`build ${c}`)));
const total = stageMedian("read") + stageMedian("read prefecture") + worstBuild;
console.log(
  JSON.stringify({
    rows: rowsRead,
    totalMs: ms(total),
    what: "median read of both panels + the slowest city's median build",
    goalMs: GOAL_MS,
    met: total < GOAL_MS,
  }),
);
