// The progress bar of long simulations: on a terminal only, after a second, quiet otherwise.
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cliIo.js";
import {
  PROGRESS_DELAY_MS,
  simulationProgress,
} from "../../src/cli/internal/simulationProgress.js";

/** An io whose stderr records what is written; a terminal when `tty`. */
function ioWith(tty: boolean, env: Record<string, string> = {}) {
  const written: string[] = [];
  const stderr = { write: (s: string) => written.push(s), isTTY: tty, columns: 100 };
  const io: CliIo = { stdout: { write: () => 0 }, stderr, cwd: ".", env };
  return { io, written };
}

const progress = (completedPaths: number, totalPaths = 10_240) => ({
  completedPaths,
  totalPaths,
  completedBlocks: Math.ceil(completedPaths / 1024),
  totalBlocks: 10,
});

describe("simulationProgress", () => {
  it("is quiet when stderr is not a terminal, or REGIONSIM_PROGRESS=0", () => {
    expect(simulationProgress(ioWith(false).io, "simulating")).toBeNull();
    expect(simulationProgress(ioWith(true, { REGIONSIM_PROGRESS: "0" }).io, "x")).toBeNull();
  });

  it("shows a bar only once the run has taken more than a second", () => {
    const { io, written } = ioWith(true);
    let t = 0;
    const reporter = simulationProgress(io, "simulating 10240 paths", () => t);
    if (reporter === null) throw new Error("expected a reporter on a terminal");
    t = PROGRESS_DELAY_MS - 1;
    reporter.onProgress(progress(1024));
    expect(written).toEqual([]);
    t = PROGRESS_DELAY_MS + 500;
    reporter.onProgress(progress(2048));
    const shown = written.join("");
    expect(shown).toContain("simulating 10240 paths");
    expect(shown).toContain("2048/10240 paths");
    expect(shown).toContain("20%");
    reporter.onProgress(progress(10_240));
    reporter.stop();
    // The bar clears its line when done, so what the command prints next starts clean.
    expect(written.join("").length).toBeGreaterThan(shown.length);
  });

  it("writes nothing for a run that ends within the second", () => {
    const { io, written } = ioWith(true);
    let t = 0;
    const reporter = simulationProgress(io, "simulating", () => t);
    t = 200;
    reporter?.onProgress(progress(10_240));
    reporter?.stop();
    expect(written).toEqual([]);
  });
});
