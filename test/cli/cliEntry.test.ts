// The thin entry src/cli.ts, run as a real process: arguments in, output and exit code out.
import { spawnSync } from "node:child_process";
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
});
