// The thin entry src/cli.ts, run as a real process: arguments in, output and exit code out.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, "src/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, REGIONSIM_DEBUG: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("src/cli.ts", () => {
  it("prints the version and exits 0", () => {
    expect(cli("--version")).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("sets the process exit code to 2 on bad usage", () => {
    const r = cli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^regionsim: unknown command "frobnicate"\n/);
  });

  it("prints a JSON Schema on stdout", () => {
    const r = cli("schema", "scenario");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { title: string }).title).toBe("regionsim scenario");
  });

  it("ends quietly, and never with 0, when validate finds errors and its output pipe is closed", async () => {
    const child = spawn(
      process.execPath,
      [TSX, "src/cli.ts", "validate", "test/fixtures/bad/unknown-place.csv"],
      {
        cwd: ROOT,
        env: { ...process.env, REGIONSIM_DEBUG: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    // Close the reading end at once: every write of the command meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    // 1 if the command had finished when the pipe error arrived, 141 if not (docs/cli.md).
    expect([1, 141]).toContain(code);
    expect(stderr).toBe("");
  });
});
