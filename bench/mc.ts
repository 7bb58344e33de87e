/**
 * Monte Carlo benchmark: runs the workload of ../shared/bench/mc-workload.json (the model of
 * mc_reference.py) through the public API and prints one JSON object of the reference's shape:
 * `ms` (wall time of the `simulate` call, workers' start-up included, no warm-up run), `paths`,
 * `probabilities`, `quantiles` (per indicator, per year, the 5%, 50% and 95% quantiles of the city
 * sum, rounded to 4 decimals), plus `peakRssMB` (the process's peak resident set, worker threads
 * included).
 *
 *     npm run bench:mc -- ../shared/bench/mc-workload.json [paths] [--workers N]
 */
import { readFileSync } from "node:fs";
import { type SimulationPlan, simulate } from "regionsim";

interface Workload {
  readonly baseYear: number;
  readonly endYear: number;
  readonly paths: number;
  readonly seed: number;
  readonly places: readonly string[];
  readonly indicators: readonly string[];
  readonly level0: readonly (readonly number[])[];
  readonly mu: readonly (readonly number[])[];
  readonly sigma: readonly (readonly number[])[];
  readonly phi: readonly number[];
  readonly rho: readonly number[];
  readonly quantiles: readonly number[];
  readonly targets: readonly {
    readonly id: string;
    readonly indicator: string;
    readonly year: number;
    readonly threshold: number;
  }[];
}

/** The workload as a SimulationPlan: baseline ln level0 + mu·t, one group "city" of all places. */
export function workloadPlan(w: Workload): SimulationPlan {
  const years = w.endYear - w.baseYear;
  return {
    baseYear: w.baseYear,
    years,
    places: [...w.places],
    indicators: w.indicators.map((id, i) => ({
      id,
      scale: "log",
      aggregation: { rule: "sum" },
      phi: w.phi[i]!,
      rho: w.rho[i]!,
    })),
    groups: [{ id: "city", members: [...w.places] }],
    baseline: w.places.map((_, p) =>
      w.indicators.map((_, i) =>
        Array.from(
          { length: years },
          (_, k) => Math.log(w.level0[p]![i]!) + w.mu[p]![i]! * (k + 1),
        ),
      ),
    ),
    sigma: w.sigma.map((row) => [...row]),
    targets: w.targets.map((t) => ({
      id: t.id,
      year: t.year,
      conditions: [
        {
          measure: { kind: "value", scope: "city", indicator: t.indicator },
          comparator: ">=",
          threshold: t.threshold,
        },
      ],
    })),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const workersAt = args.indexOf("--workers");
  const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : undefined;
  const positional = args.filter(
    (_, k) => workersAt < 0 || (k !== workersAt && k !== workersAt + 1),
  );
  const file = positional[0] ?? "../shared/bench/mc-workload.json";
  const w = JSON.parse(readFileSync(file, "utf8")) as Workload;
  const paths = positional[1] === undefined ? w.paths : Number(positional[1]);
  const plan = workloadPlan(w);
  const series = w.indicators.map((indicator) => ({ scope: "city", indicator }));
  const t0 = performance.now();
  const result = await simulate(plan, {
    paths,
    seed: w.seed,
    quantiles: w.quantiles,
    series,
    ...(workers === undefined ? {} : { workers }),
  });
  const ms = performance.now() - t0;
  const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
  const out = {
    ms: Math.round(ms * 10) / 10,
    paths,
    probabilities: Object.fromEntries(result.targets.map((t) => [t.id, t.probability])),
    quantiles: Object.fromEntries(
      result.series.map((s) => [s.indicator, s.quantiles.map((row) => row.map(round4))]),
    ),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };
  console.log(JSON.stringify(out));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
