// Probabilities of attainment for Qujing's downside scenario from a Monte Carlo ensemble, the
// fan chart of the city's GDP, and the reproducibility promise: the same seed gives the same
// result whatever the number of worker threads. Run: npx tsx examples/probabilities.ts
import { assessPack, qujingPack, simulatePack } from "regionsim";

const options = { paths: 20_000, seed: 2021 };
const inThread = await simulatePack(qujingPack, "downside", { ...options, workers: 0 });
const onWorkers = await simulatePack(qujingPack, "downside", { ...options, workers: 2 });
const same = JSON.stringify(inThread.simulation) === JSON.stringify(onWorkers.simulation);
console.log(`same result in the calling thread and on 2 workers: ${same}`);

const deterministic = assessPack(qujingPack, "downside");
console.log(`\nP(attainment), ${options.paths} paths, seed ${options.seed}:`);
for (const row of onWorkers.assessment.rows) {
  if (row.probability === null) continue;
  const point = deterministic.rows.find((r) => r.targetId === row.targetId);
  console.log(
    `  ${row.targetId.padEnd(24)} P = ${row.probability.toFixed(3)}  ${row.status} ${row.statusZh}` +
      `  (without uncertainty: ${point?.status})`,
  );
}

// The fan chart of the city's GDP at constant 2020 prices, the series the 2035 doubling is judged
// and simulated on (the pack's places have no GDP series to sum).
const gdp = onWorkers.simulation?.series.find((s) => s.indicator === "gdp_real");
const year = 2035;
const k = gdp?.years.indexOf(year) ?? -1;
const q = gdp?.quantiles[k];
if (gdp === undefined || q === undefined) throw new Error("no GDP fan chart");
// The quantile levels of the result (by default 2.5, 5, 10, 25, 50, 75, 90, 95 and 97.5%).
const at = (level: number) => q[onWorkers.simulation?.quantiles.indexOf(level) ?? -1];
console.log(
  `\ncity GDP in ${year}, 100M yuan at 2020 prices: 5% ${at(0.05)?.toFixed(0)}, median ${at(0.5)?.toFixed(0)}, 95% ${at(0.95)?.toFixed(0)}`,
);
const point =
  deterministic.rows.find((r) => r.targetId === "gdp-2035-double")?.projected ?? Number.NaN;
console.log(
  `deterministic projection ${point.toFixed(0)}; median / projection = ${((at(0.5) ?? 0) / point).toFixed(3)}`,
);
for (const u of onWorkers.uncertainty.series.filter(
  (s) => (s.indicator === "gdp" || s.indicator === "gdp_real") && s.scope === "city",
))
  console.log(
    `shock scale of city GDP ${u.indicator === "gdp" ? "at current prices" : "at constant prices"}: ${u.sigma.toFixed(4)} a year (${u.source})`,
  );
