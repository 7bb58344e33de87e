/**
 * Sensitivity benchmark: model runs a second of `packSensitivity` on the Qujing pack (the gap of
 * the central city's GDP share in 2025 under "trend", two default growth parameters), for each
 * method. Prints one JSON line per method with the median and the spread (min–max) of the
 * per-round rates, after a warm-up round.
 *
 *     npm run bench:sensitivity [-- --rounds 5 --samples 64]
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
