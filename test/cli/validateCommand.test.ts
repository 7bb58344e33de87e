import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtIn, run } from "./runCliHarness.js";

describe("regionsim validate", () => {
  it("prints ok and exits 0 for a clean file", async () => {
    const r = await run(["validate", "synthetic-2024.csv"]);
    expect(r).toEqual({
      code: 0,
      stdout: "synthetic-2024.csv: observations (pack synthetic): ok\n",
      stderr: "",
    });
  });

  it("prints every error with its position on stdout and exits 1", async () => {
    const r = await run(["validate", "synthetic-bad.csv", "--pack", "synthetic"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^synthetic-bad\.csv:2:1: place: unknown place/);
    expect(lines[1]).toMatch(/^synthetic-bad\.csv:3:3: year: out of range/);
    expect(lines[2]).toBe("synthetic-bad.csv: observations (pack synthetic): 2 errors, 0 warnings");
  });

  it("prints warnings but exits 0 when there is no error", async () => {
    const r = await run(["validate", "synthetic-conflict.csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("synthetic-conflict.csv:3: warning: conflicting sources");
    expect(r.stdout).toContain(
      "synthetic-conflict.csv: observations (pack synthetic): 0 errors, 1 warning",
    );
  });

  it("validates scenario files, detected or named with --kind", async () => {
    expect((await run(["validate", "synthetic-shock.json"])).stdout).toBe(
      "synthetic-shock.json: scenario (pack synthetic): ok\n",
    );
    const bad = await run(["validate", "synthetic-bad-scenario.json", "--kind", "scenario"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("synthetic-bad-scenario.json:2:9: id: invalid format");
  });

  it("checks that a scenario extends a scenario of the pack, as assess does", async () => {
    // "nonexistent" starts at line 5, column 14 of the fixture (counted in Python).
    expect(await run(["validate", "synthetic-extends-unknown.json"])).toEqual({
      code: 1,
      stdout:
        'synthetic-extends-unknown.json:5:14: extends: unknown scenario (expected a scenario of the pack: steady, got "nonexistent")\n' +
        "synthetic-extends-unknown.json: scenario (pack synthetic): 1 error, 0 warnings\n",
      stderr: "",
    });
  });

  it("names the kind of a JSON file with a syntax error from the keys before it, or says it is unknown", async () => {
    const dir = await mkdtemp(join(tmpdir(), "regionsim-validate-"));
    try {
      await writeFile(join(dir, "shock.json"), '{"id": "s", "extends": "steady", "shocks": [,]}');
      await writeFile(join(dir, "broken.json"), '[{"id": "s",}]');
      // Columns counted in Python: text.index("[,") + 2 = 45 (the comma); text.index(",}") + 2 = 13
      // (a trailing comma is reported at the brace it comes before).
      expect(await run(["validate", "shock.json"], { cwd: dir })).toEqual({
        code: 1,
        stdout:
          'shock.json:1:45: unexpected character ",", expected a value\n' +
          "shock.json: scenario (pack synthetic): 1 error, 0 warnings\n",
        stderr: "",
      });
      expect(await run(["validate", "broken.json"], { cwd: dir })).toEqual({
        code: 1,
        stdout:
          "broken.json:1:13: trailing comma before '}'\n" +
          "broken.json: kind unknown (pack synthetic): 1 error, 0 warnings\n",
        stderr: "",
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 for a missing file", async () => {
    const r = await run(["validate", "no-such.csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("no-such.csv: file not found");
  });
});

describe("regionsim validate on the built-in Qujing pack", () => {
  it("validates a good file (exit 0) and a bad one (exit 1), defaulting to the only pack", async () => {
    const good = await builtIn(["validate", "../good/observations-zh.csv"]);
    expect(good).toEqual({
      code: 0,
      stdout: "../good/observations-zh.csv: observations (pack qujing): ok\n",
      stderr: "",
    });
    const gbk = await builtIn(["validate", "../good/gbk-observations-zh.csv"]);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toBe(
      "../good/gbk-observations-zh.csv: warning: not UTF-8: read as GB18030 (GBK); check the names in the messages if they look wrong (expected UTF-8, got GB18030)\n" +
        "../good/gbk-observations-zh.csv: observations (pack qujing): 0 errors, 1 warning\n",
    );
    const bad = await builtIn(["validate", "../bad/unknown-place.csv", "--pack", "qujing"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      "../bad/unknown-place.csv:2:1: place: unknown place; did you mean qilin",
    );
    expect(bad.stdout).toContain("observations (pack qujing): 2 errors, 0 warnings");
  });
});
