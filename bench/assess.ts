/**
 * Deterministic assessment benchmark: how many Qujing assessments a second the library runs after
 * a warm-up, by case, with the median and the spread (min–max) of the per-round rates, then the
 * time of the first (cold) call of the process and of a first call on a new pack object.
 *
 *     npm run bench:assess [-- --rounds 7 --seconds 1]
 *
 * Cases (each round runs each case for `--seconds`, cases alternating so that machine noise
 * spreads over all of them):
 * - `assessPack <scenario>`: `assessPack(qujingPack, scenario)` repeated, for each named scenario;
 * - `prepared <scenario>`: `preparePack(qujingPack).assess(scenario)` repeated;
 * - `prepared variants`: a new scenario object each call, trend with the city's GDP (and so its
 *   places') at a rate that changes every call (4% + k·0.001%, k = 0, 1, …): a sensitivity design's
 *   pattern, where every series that reads GDP is projected again and everything else is reused;
 * - `assessPack new pack`: `assessPack` of a new copy of the pack each call (checked and
 *   projected from scratch: what every call cost before packs kept their state).
 *
 * `cpuMsEach` is the process's CPU time per assessment, less sensitive than wall time to other
 * jobs on the machine.
 */
import { performance } from "node:perf_hooks";
import { assessPack, preparePack, qujingPack, type ScenarioInput } from "regionsim";

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
assessPack(qujingPack, scenarios[0] as string);
const coldMs = performance.now() - t0;

const prepared = preparePack(qujingPack);
const variant = (k: number): ScenarioInput => ({
  id: "variant",
  nameEn: "Variant",
  description: "trend with the city's GDP at another rate",
  extends: "trend",
  models: [
    {
      scope: "city",
      indicator: "gdp",
      spec: { kind: "cagr", rate: 0.04 + (k % 100_000) * 1e-5 },
      reason: "sensitivity",
    },
  ],
});
let calls = 0;
const cases: [string, () => unknown][] = [
  ...scenarios.map((id): [string, () => unknown] => [
    `assessPack ${id}`,
    () => assessPack(qujingPack, id),
  ]),
  ...scenarios.map((id): [string, () => unknown] => [`prepared ${id}`, () => prepared.assess(id)]),
  ["prepared variants", () => prepared.assess(variant(calls++))],
  ["assessPack new pack", () => assessPack(structuredClone(qujingPack), "trend")],
];

const t1 = performance.now();
assessPack(structuredClone(qujingPack), "trend");
const newPackMs = performance.now() - t1;
for (const [, run] of cases) for (let i = 0; i < 10; i++) run();

const rates = new Map<string, number[]>(cases.map(([name]) => [name, []]));
const cpu = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++)
  for (const [name, run] of cases) {
    let n = 0;
    const start = performance.now();
    const startCpu = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < seconds * 1000) {
      run();
      n++;
      elapsed = performance.now() - start;
    }
    const used = process.cpuUsage(startCpu);
    rates.get(name)?.push((n * 1000) / elapsed);
    cpu.get(name)?.push((used.user + used.system) / 1000 / n);
  }

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : 0.5 * ((s[m - 1] as number) + (s[m] as number));
};
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
for (const [name, v] of rates) {
  const med = median(v);
  console.log(
    JSON.stringify({
      case: name,
      assessmentsPerSecond: round(med, 1),
      msEach: round(1000 / med, 2),
      spread: [round(Math.min(...v), 1), round(Math.max(...v), 1)],
      cpuMsEach: round(median(cpu.get(name) ?? []), 2),
      rounds,
    }),
  );
}
console.log(
  JSON.stringify({ coldFirstCallMs: round(coldMs, 1), firstCallNewPackMs: round(newPackMs, 1) }),
);
