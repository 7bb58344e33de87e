// runCliProcess wired to a stand-in for the Node.js process: its streams can meet a closed pipe
// (EPIPE) at any write, and exit() only records the code, so the test sees which code the
// command would have ended with.
import { EventEmitter } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CliProcess, runCliProcess } from "../../src/cli/runCliProcess.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Two unknown places on lines 2 and 3: `validate` prints two issues and a summary and exits 1.
const BAD = "test/fixtures/bad/unknown-place.csv";
const GOOD = "test/fixtures/good/observations-zh.csv";

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code, syscall: "write" });
}

/** A stream that records what is written and, from the `closeAt`-th write on, meets EPIPE. */
class Stream extends EventEmitter {
  text = "";
  writes = 0;
  constructor(private readonly closeAt = Number.POSITIVE_INFINITY) {
    super();
  }
  write(text: string): boolean {
    this.writes++;
    if (this.writes < this.closeAt) this.text += text;
    // A closed pipe fails every write; Node emits "error" once, when the first one fails.
    if (this.writes === this.closeAt) this.emit("error", systemError("EPIPE"));
    return this.writes < this.closeAt;
  }
}

function fakeProcess(args: string[], options: { closeStdoutAt?: number } = {}) {
  const sigint: (() => void)[] = [];
  const exits: number[] = [];
  const stdout = new Stream(options.closeStdoutAt);
  const stderr = new Stream();
  const proc: CliProcess = {
    argv: [process.execPath, "regionsim", ...args],
    stdout,
    stderr,
    env: {},
    cwd: () => ROOT,
    exitCode: undefined,
    exit: (code: number) => {
      exits.push(code);
    },
    on: (_event: "SIGINT", listener: () => void) => sigint.push(listener),
  };
  const interrupt = () => {
    for (const listener of sigint) listener();
  };
  return { proc, stdout, stderr, exits, interrupt };
}

describe("runCliProcess", () => {
  it("sets the exit code of the command and exits no other way when nothing goes wrong", async () => {
    const bad = fakeProcess(["validate", BAD]);
    await runCliProcess(bad.proc);
    expect(bad.proc.exitCode).toBe(1);
    expect(bad.exits).toEqual([]);
    expect(bad.stdout.text).toMatch(/unknown-place\.csv: observations \(pack qujing\): 2 errors/);
    const good = fakeProcess(["validate", GOOD]);
    await runCliProcess(good.proc);
    expect(good.proc.exitCode).toBe(0);
  });

  it("a pipe that closes after the command finished exits with the command's code", async () => {
    const bad = fakeProcess(["validate", BAD]);
    await runCliProcess(bad.proc);
    bad.stdout.emit("error", systemError("EPIPE"));
    expect(bad.exits).toEqual([1]);
    const good = fakeProcess(["validate", GOOD]);
    await runCliProcess(good.proc);
    good.stderr.emit("error", systemError("EPIPE"));
    expect(good.exits).toEqual([0]);
  });

  it("a pipe that closes while the command runs exits 141 (128 + SIGPIPE), whichever write meets it", async () => {
    // An uninterrupted run of validate on BAD writes 3 lines: two issues and the summary.
    const whole = fakeProcess(["validate", BAD]);
    await runCliProcess(whole.proc);
    expect(whole.stdout.writes).toBe(3);
    for (const closeAt of [1, 2, 3]) {
      const run = fakeProcess(["validate", BAD], { closeStdoutAt: closeAt });
      await runCliProcess(run.proc);
      // The first exit is the one a real process takes: a validate with errors never exits 0.
      expect(run.exits[0]).toBe(141);
    }
  });

  it("does not swallow a stream error other than EPIPE", async () => {
    const run = fakeProcess(["--version"]);
    await runCliProcess(run.proc);
    const failure = systemError("EIO");
    expect(() => run.stdout.emit("error", failure)).toThrow(failure);
    expect(run.exits).toEqual([]);
  });

  it("a first Ctrl-C asks the command to stop, a second exits 130 at once", async () => {
    const run = fakeProcess(["--version"]);
    await runCliProcess(run.proc);
    run.interrupt();
    expect(run.exits).toEqual([]);
    run.interrupt();
    expect(run.exits).toEqual([130]);
  });
});
