/**
 * Sensitivity benchmark: model runs a second of `packSensitivity` on the Qujing pack (the gap of
 * the central city's GDP share in 2025 under "trend", two default growth parameters), for each
 * method. Prints one JSON line per method with the median and the spread (min–max) of the
 * per-round rates, after a warm-up round.
 *
 *     npm run bench:sensitivity [-- --rounds 5 --samples 64 --design-rounds 3]
 *
 * `--samples` is the Sobol' N (runs: N (k + 2)) and the Morris trajectories (runs: r (k + 1));
 * one at a time runs 1 + k (4 + 1) times.
 */
import { performance } from "node:perf_hooks";
import { packSensitivity, qujingPack } from "regionsim";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const rounds = Math.round(option("rounds", 5));
const samples = Math.round(option("samples", 64));
const methods = ["oat", "morris", "sobol"] as const;
const target = "central-city-gdp-share";

const once = async (method: (typeof methods)[number]) => {
  const start = performance.now();
  const r = await packSensitivity(qujingPack, "trend", target, {
    method,
    ...(method === "oat" ? {} : { samples }),
  });
  return { runs: r.result.runs, ms: performance.now() - start };
};

for (const m of methods) await once(m);
const rates = new Map<string, number[]>(methods.map((m) => [m, []]));
const runs = new Map<string, number>();
for (let r = 0; r < rounds; r++)
  for (const m of methods) {
    const { runs: n, ms } = await once(m);
    runs.set(m, n);
    rates.get(m)!.push((n * 1000) / ms);
  }

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 === 1 ? s[k]! : 0.5 * (s[k - 1]! + s[k]!);
};
for (const [method, v] of rates)
  console.log(
    JSON.stringify({
      target,
      method,
      runs: runs.get(method),
      runsPerSecond: Math.round(median(v) * 10) / 10,
      spread: [Math.round(Math.min(...v) * 10) / 10, Math.round(Math.max(...v) * 10) / 10],
      rounds,
    }),
  );

// The design the issue sizes the engine for: Sobol' over 8 assumptions × 1,024 base samples
// (10,240 runs), here the growth of eight places of Qujing, 2–10% a year, on the same target.
// `--design-rounds 0` leaves it out (about 15–20 s a round on two cores).
const designRounds = Math.round(
  process.argv.includes("--design-rounds")
    ? Number(process.argv[process.argv.indexOf("--design-rounds") + 1])
    : 3,
);
const places = ["qilin", "zhanyi", "malong", "xuanwei", "huize", "luliang", "shizong", "luoping"];
const ranges = places.map((scope) => ({
  scope,
  indicator: "gdp",
  what: "growth" as const,
  min: 0.02,
  max: 0.1,
}));
const seconds: number[] = [];
let designRuns = 0;
for (let r = 0; r < designRounds; r++) {
  const start = performance.now();
  const result = await packSensitivity(qujingPack, "trend", target, {
    method: "sobol",
    samples: 1024,
    seed: r + 1,
    ranges,
  });
  designRuns = result.result.runs;
  seconds.push((performance.now() - start) / 1000);
}
if (designRounds > 0)
  console.log(
    JSON.stringify({
      target,
      method: "sobol",
      parameters: places.length,
      runs: designRuns,
      seconds: Math.round(median(seconds) * 10) / 10,
      spread: [
        Math.round(Math.min(...seconds) * 10) / 10,
        Math.round(Math.max(...seconds) * 10) / 10,
      ],
      runsPerSecond: Math.round(designRuns / median(seconds)),
      rounds: designRounds,
    }),
  );
