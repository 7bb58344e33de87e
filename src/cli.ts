// The `regionsim` command. All logic lives in runCli (src/cli/runCli.ts), which tests call
// in-process; this entry only wires it to the process.
import { runCli } from "./cli/runCli.js";

// A closed pipe (e.g. `regionsim assess … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const controller = new AbortController();
// First Ctrl-C asks a running simulation to stop (exit 130); a second one exits at once.
process.on("SIGINT", () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
