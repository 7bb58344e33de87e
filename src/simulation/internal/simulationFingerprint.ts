import { hashString } from "../../internal/hashString.js";
import type { SimulationPlan } from "../simulationPlan.js";

/** What identifies a run besides its plan. */
export interface FingerprintInput {
  readonly blockSize: number;
  readonly paths: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  /** The fan-chart series, as [scope, indicator]. */
  readonly series: readonly (readonly [string, string])[];
  readonly samplePaths: number;
}

/**
 * The last stage of the kernel compile: the run's fingerprint, 28 hex digits of two 53-bit hashes
 * (`hashString`) of the engine version, the plan and the options that shape the result. Results
 * of block ranges merge only when their fingerprints match.
 */
export function simulationFingerprint(plan: SimulationPlan, run: FingerprintInput): string {
  const text = JSON.stringify({
    engine: 1,
    block: run.blockSize,
    plan,
    paths: run.paths,
    seed: run.seed,
    quantiles: run.quantiles,
    series: run.series,
    samplePaths: run.samplePaths,
  });
  return `${hashString(text, 1).toString(16).padStart(14, "0")}${hashString(text, 2).toString(16).padStart(14, "0")}`;
}
