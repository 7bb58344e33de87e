// The progress bar of long simulations on a terminal.

import cliProgress from "cli-progress";
import type { SimulationProgress } from "../../simulation/simulate.js";
import type { CliIo } from "../cliIo.js";

/** A run shorter than this shows no bar (ms). */
export const PROGRESS_DELAY_MS = 1000;

/** What a command hands the simulation, and calls when the run is over. */
export interface ProgressReporter {
  readonly onProgress: (progress: SimulationProgress) => void;
  /** Ends the bar (if one was shown) so that what follows starts on a clean line. */
  stop(): void;
}

/**
 * A progress bar on stderr for a simulation that runs longer than {@link PROGRESS_DELAY_MS}: paths
 * done of all, the share, the time left. Only when stderr is a terminal (`isTTY`) and
 * `REGIONSIM_PROGRESS` is not `0`; otherwise (a pipe, a file, CI logs) null, and nothing is
 * written. Drawn with cli-progress, which rewrites its one line in place.
 *
 * @param now - the clock (ms), for tests.
 */
export function simulationProgress(
  io: CliIo,
  label: string,
  now: () => number = Date.now,
): ProgressReporter | null {
  const stream = io.stderr as CliIo["stderr"] & { isTTY?: boolean };
  if (stream.isTTY !== true || io.env?.REGIONSIM_PROGRESS === "0") return null;
  const started = now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    onProgress(p) {
      if (bar === null) {
        if (now() - started < PROGRESS_DELAY_MS || p.completedPaths >= p.totalPaths) return;
        bar = new cliProgress.SingleBar(
          {
            stream: stream as unknown as NodeJS.WritableStream,
            format: `${label} [{bar}] {percentage}% | {value}/{total} paths | {eta_formatted} left`,
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 20,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.totalPaths, p.completedPaths);
      } else bar.update(p.completedPaths);
    },
    stop() {
      bar?.stop();
    },
  };
}
