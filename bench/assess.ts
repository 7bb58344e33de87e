/**
 * Deterministic assessment benchmark: how many Qujing assessments a second `assessPack` runs,
 * per scenario, after a warm-up. Prints one JSON line per scenario with the median and the
 * spread (min–max) of the per-round rates, then the time of the first (cold) call.
 *
 *     npm run bench:assess [-- --rounds 7 --seconds 1]
 *
 * Each round calls `assessPack(qujingPack, scenario)` in a loop for `--seconds` and reports
 * assessments per second; rounds alternate between scenarios so that machine noise spreads over
 * all of them.
 */
import { performance } from "node:perf_hooks";
import { assessPack, qujingPack } from "regionsim";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const rounds = Math.round(option("rounds", 7));
const seconds = option("seconds", 1);
const scenarios = qujingPack.scenarios.map((s) => s.id);

const t0 = performance.now();
assessPack(qujingPack, scenarios[0]!);
const coldMs = performance.now() - t0;
for (const id of scenarios) for (let i = 0; i < 20; i++) assessPack(qujingPack, id);

const rates = new Map<string, number[]>(scenarios.map((id) => [id, []]));
for (let r = 0; r < rounds; r++)
  for (const id of scenarios) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < seconds * 1000) {
      assessPack(qujingPack, id);
      n++;
      elapsed = performance.now() - start;
    }
    rates.get(id)!.push((n * 1000) / elapsed);
  }

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};
for (const [id, v] of rates) {
  const med = median(v);
  console.log(
    JSON.stringify({
      scenario: id,
      assessmentsPerSecond: Math.round(med * 10) / 10,
      msEach: Math.round((1000 / med) * 100) / 100,
      spread: [Math.round(Math.min(...v) * 10) / 10, Math.round(Math.max(...v) * 10) / 10],
      rounds,
    }),
  );
}
console.log(JSON.stringify({ coldFirstCallMs: Math.round(coldMs * 10) / 10 }));
