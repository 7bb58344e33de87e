// The `regionsim` command. All logic lives in runCli (src/cli/runCli.ts), which tests call
// in-process; runCliProcess wires it to the process (exit code, Ctrl-C, a closed output pipe).
import { runCliProcess } from "./cli/runCliProcess.js";

await runCliProcess(process);
