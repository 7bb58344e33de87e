// Runs the CLI in-process for the tests of test/cli/: output, error stream and exit code.
import { fileURLToPath } from "node:url";
import type { CliIo } from "../../src/cli/cliIo.js";
import { runCli } from "../../src/cli/runCli.js";
import type { RegionPack } from "../../src/schemas/regionPack.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

/** The CLI fixtures folder, the working folder of {@link run}. */
export const FIXTURES = fileURLToPath(new URL("../fixtures/cli/", import.meta.url));

/** What a run of the CLI gave. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process from the CLI fixtures folder, on the synthetic pack unless `packs` says
 * otherwise (`"built-in"`: the packs shipped with the library).
 */
export async function run(
  argv: string[],
  options: Partial<Omit<CliIo, "packs">> & { packs?: readonly RegionPack[] | "built-in" } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const { packs = [syntheticPack()], ...io } = options;
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: FIXTURES,
    env: {},
    ...(packs === "built-in" ? {} : { packs }),
    ...io,
  });
  return { code, stdout, stderr };
}

/** `regionsim assess` on the synthetic pack under its scenario "steady". */
export const ASSESS = ["assess", "--pack", "synthetic", "--scenario", "steady"];

/** Runs the CLI on the built-in packs. */
export const builtIn = (argv: string[]) => run(argv, { packs: "built-in" });
