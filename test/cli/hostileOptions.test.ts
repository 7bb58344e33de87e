// A catalogue of hostile command lines for `regionsim assess`: each must end at once with its exit
// code (2 bad usage, 1 bad input) and a message on stderr naming the problem, never a stack trace,
// never a hang, and nothing on stdout.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exitCodes.js";
import { ASSESS, run } from "./runCliHarness.js";

interface Case {
  readonly argv: readonly string[];
  readonly code: number;
  /** What stderr must say. */
  readonly message: string | RegExp;
}

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-hostile-cli-"));
  await writeFile(join(dir, "a-file"), "not a folder");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cases: Readonly<Record<string, Case>> = {
  "an unknown option, with the nearest known one": {
    argv: [...ASSESS, "--jsn"],
    code: EXIT.usage,
    message: 'regionsim: unknown option "--jsn"; did you mean --json?',
  },
  "a misspelt --paths": {
    argv: [...ASSESS, "--path", "100"],
    code: EXIT.usage,
    message: 'regionsim: unknown option "--path"; did you mean --paths?',
  },
  "--paths as text": {
    argv: [...ASSESS, "--paths", "many"],
    code: EXIT.usage,
    message: 'regionsim: --paths must be a whole number from 1 to 100,000,000 (got "many")',
  },
  "--paths -5 (a negative number as the value)": {
    argv: [...ASSESS, "--paths", "-5"],
    code: EXIT.usage,
    message: 'regionsim: --paths must be a whole number from 1 to 100,000,000 (got "-5")',
  },
  "--paths 1e3 (not written as a whole number)": {
    argv: [...ASSESS, "--paths", "1e3"],
    code: EXIT.usage,
    message: '--paths must be a whole number from 1 to 100,000,000 (got "1e3")',
  },
  "--workers 0": {
    argv: [...ASSESS, "--paths", "10", "--workers", "0"],
    code: EXIT.usage,
    message: 'regionsim: --workers must be a whole number of at least 1, below 2^53 (got "0")',
  },
  "--seed 1.5": {
    argv: [...ASSESS, "--paths", "10", "--seed", "1.5"],
    code: EXIT.usage,
    message: 'regionsim: --seed must be a whole number of at least 0, below 2^53 (got "1.5")',
  },
  "--seed -1": {
    argv: [...ASSESS, "--paths", "10", "--seed", "-1"],
    code: EXIT.usage,
    message: 'regionsim: --seed must be a whole number of at least 0, below 2^53 (got "-1")',
  },
  "--workers without --paths": {
    argv: [...ASSESS, "--workers", "2"],
    code: EXIT.usage,
    message: "regionsim: --workers needs --paths",
  },
  "--only foo": {
    argv: [...ASSESS, "--only", "foo"],
    code: EXIT.usage,
    message: 'regionsim: --only must be all or judged (got "foo")',
  },
  "--only judge (near judged)": {
    argv: [...ASSESS, "--only", "judge"],
    code: EXIT.usage,
    message: 'regionsim: --only must be all or judged; did you mean "judged"? (got "judge")',
  },
  "two scenarios": {
    argv: [...ASSESS, "--scenario", "boom"],
    code: EXIT.usage,
    message: 'regionsim: --scenario is given twice ("steady" and "boom")',
  },
  "--json twice": {
    argv: [...ASSESS, "--json", "--json"],
    code: EXIT.usage,
    message: "regionsim: --json is given twice",
  },
  "--out ''": {
    argv: [...ASSESS, "--out", ""],
    code: EXIT.usage,
    message: 'regionsim: --out must name a folder (got "")',
  },
  "--out of spaces": {
    argv: [...ASSESS, "--out", "  "],
    code: EXIT.usage,
    message: 'regionsim: --out must name a folder (got "  ")',
  },
  "--out with no value": {
    argv: [...ASSESS, "--out"],
    code: EXIT.usage,
    message: "regionsim: option --out needs a value",
  },
  "--json with a value": {
    argv: [...ASSESS, "--json=yes"],
    code: EXIT.usage,
    message: "regionsim: option --json does not take a value",
  },
};

// Paths that cannot be written; Node.js 20's recursive mkdir looped forever under /proc.
const unwritable: Readonly<Record<string, () => Case>> = {
  "--out /proc/nope/x": () => ({
    argv: [...ASSESS, "--out", "/proc/nope/x"],
    code: EXIT.badInput,
    message:
      "regionsim: cannot write to /proc/nope/x: ENOENT: no such file or directory, mkdir '/proc/nope'\n",
  }),
  "--out /proc/self/x": () => ({
    argv: [...ASSESS, "--out", "/proc/self/x"],
    code: EXIT.badInput,
    message:
      "regionsim: cannot write to /proc/self/x: ENOENT: no such file or directory, mkdir '/proc/self/x'\n",
  }),
  "--out a file": () => ({
    argv: [...ASSESS, "--out", join(dir, "a-file")],
    code: EXIT.badInput,
    message: `regionsim: cannot write to ${join(dir, "a-file")}: EEXIST: file already exists, mkdir '${join(dir, "a-file")}'\n`,
  }),
  "--out under a file": () => ({
    argv: [...ASSESS, "--out", join(dir, "a-file", "x")],
    code: EXIT.badInput,
    message: `regionsim: cannot write to ${join(dir, "a-file", "x")}: ENOTDIR: not a directory`,
  }),
};

describe("regionsim assess refuses hostile options", () => {
  for (const [what, c] of Object.entries(cases)) {
    it(`${what}: exit ${c.code}`, async () => {
      const r = await run([...c.argv]);
      expect(r.code).toBe(c.code);
      expect(r.stdout).toBe("");
      if (typeof c.message === "string") expect(r.stderr).toContain(c.message);
      else expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe("regionsim assess --out that cannot be written", () => {
  for (const [what, make] of Object.entries(unwritable)) {
    it.runIf(process.platform === "linux")(`${what}: exit 1 at once, naming the path`, async () => {
      const c = make();
      const started = Date.now();
      const r = await run([...c.argv], { cwd: dir });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.code).toBe(c.code);
      expect(r.stderr).toContain(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
