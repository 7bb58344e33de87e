// What growth would meet Qujing's 2035 doubling (GDP at constant prices at least 2 × 2020's):
// just, spread over the nine places by their shares of the gap, and with a probability of 0.8;
// how plausible each place's growth is; and the check that the written scenario does it.
// Run: npx tsx examples/solve-target.ts
import { assessPack, qujingPack, simulatePack, solveTarget } from "regionsim";

const pct = (rate: number | null) => (rate === null ? "—" : `${(100 * rate).toFixed(2)}%`);

const just = await solveTarget(qujingPack, "trend", "gdp-2035-double", { rule: "gap-share" });
const city = just.scopeGrowth;
if (city === null) throw new Error("no growth of the city's series");
console.log(
  `city GDP at constant prices must grow ${pct(city.rate)} a year ${city.latest.year}–2035 (trend ${pct(city.trend)}): ${city.plausibility}`,
);
console.log("places, GDP at current prices from 2021 (rule gap-share):");
for (const p of just.places)
  console.log(
    `  ${p.scope.padEnd(8)} ${pct(p.rate)} (trend ${pct(p.trend)}, percentile ${p.panel?.percentile.toFixed(0)}) ${p.plausibility}`,
  );
const row = assessPack(qujingPack, just.scenario).rows.find(
  (r) => r.targetId === "gdp-2035-double",
);
console.log(
  `assessed under the solved scenario: ${row?.projected?.toFixed(1)} against ${row?.target} (met: ${row?.met})`,
);

const likely = await solveTarget(qujingPack, "trend", "gdp-2035-double", { probability: 0.8 });
const p = likely.check.probability;
console.log(
  `\nfor a probability of 0.8: ${pct(likely.scopeGrowth?.rate ?? null)} a year; P = ${p?.value.toFixed(3)} ± ${p?.standardError.toFixed(3)} (seed ${p?.seed}, ${p?.paths} paths)`,
);
const fresh = await simulatePack(qujingPack, likely.scenario, { paths: 4096, seed: 7, workers: 0 });
const again = fresh.assessment.rows.find((r) => r.targetId === "gdp-2035-double")?.probability;
console.log(`the solved scenario simulated with a fresh seed (7): P = ${again?.toFixed(3)}`);
