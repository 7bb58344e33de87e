import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import { simulatePack } from "../../simulation/simulatePack.js";
import type { CliIo } from "../cliIo.js";
import { withSimulationDetail } from "./simulationDetail.js";
import { simulationProgress } from "./simulationProgress.js";

/**
 * The simulated assessment of a command's `--paths`: `simulatePack` with the run's detail, a
 * progress bar on a terminal when it takes more than a second, cancelled by the command's signal.
 */
export async function runSimulation(
  pack: RegionPack,
  scenario: Parameters<typeof simulatePack>[1],
  options: { readonly paths: number; readonly seed: number; readonly workers: number | undefined },
  io: CliIo,
): Promise<Assessment> {
  const progress = simulationProgress(io, `simulating ${options.paths} paths`);
  try {
    return withSimulationDetail(
      await simulatePack(pack, scenario, {
        paths: options.paths,
        seed: options.seed,
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(io.signal === undefined ? {} : { signal: io.signal }),
        ...(progress === null ? {} : { onProgress: progress.onProgress }),
      }),
    );
  } finally {
    progress?.stop();
  }
}
