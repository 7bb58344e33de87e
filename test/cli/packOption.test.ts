// --pack takes a built-in id or a pack file, and `regionsim validate` checks pack files: a pack
// written to JSON assesses as the built-in one, and hostile pack files end with exit 1 and a
// message naming the problem.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qujingPack, SCHEMA_VERSION } from "../../src/index.js";
import { run } from "./runCliHarness.js";

let dir = "";
/** Runs the CLI on the built-in packs from the temporary folder. */
const inDir = (argv: string[]) => run(argv, { packs: "built-in", cwd: dir });

/** The Qujing pack as a JSON file, with `edit` applied to a copy. */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach into raw JSON at any depth, as a hostile file would.
function qujingJson(edit: (p: any) => void = () => {}): string {
  const p = JSON.parse(JSON.stringify(qujingPack));
  edit(p);
  return JSON.stringify(p, null, 2);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-pack-"));
  await writeFile(join(dir, "qujing.json"), JSON.stringify(qujingPack));
  await mkdir(join(dir, "folder.json"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("--pack with a pack file", () => {
  for (const { id } of qujingPack.scenarios) {
    it(`assesses the Qujing pack read back from JSON as the built-in one under ${id}`, async () => {
      const builtIn = await inDir(["assess", "--pack", "qujing", "--scenario", id, "--json"]);
      const fromFile = await inDir(["assess", "--pack", "qujing.json", "--scenario", id, "--json"]);
      expect(builtIn.code).toBe(0);
      expect(fromFile).toEqual(builtIn);
    });
  }

  it("writes schemaVersion into the assessment JSON", async () => {
    const r = await inDir(["assess", "--pack", "./qujing.json", "--scenario", "trend", "--json"]);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("runs a pack written without breaks, references or sources", async () => {
    await writeFile(
      join(dir, "nobreaks.json"),
      qujingJson((p) => {
        delete p.dataset.breaks;
        delete p.sources;
      }),
    );
    const r = await inDir(["assess", "--pack", "nobreaks.json", "--scenario", "trend", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toHaveLength(qujingPack.targets.length);
  });
});

describe("regionsim validate on a pack file", () => {
  it("says ok for a clean pack, without naming another pack", async () => {
    const r = await inDir(["validate", "qujing.json"]);
    expect(r.code).toBe(0);
    // Six conflicting-source warnings: three in observations.csv, and three county figures the
    // panels give at another precision than an encyclopedia (qilin 2013, malong and xuanwei 2020 GDP).
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("qujing.json: pack: 0 errors, 6 warnings");
  });

  it("reports every problem with its position and exits 1", async () => {
    await writeFile(
      join(dir, "typos.json"),
      qujingJson((p) => {
        p.targets[0].scope = "ctiy";
        p.dataset.groups[0].members.push("qujng");
      }),
    );
    const r = await inDir(["validate", "typos.json", "--kind", "pack"]);
    expect(r.code).toBe(1);
    const errors = r.stdout.split("\n").filter((l) => l.includes("unknown place"));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^typos\.json:\d+:\d+: dataset\.groups\[0\]\.members\[9\]: unknown place; did you mean .*\(got "qujng"\)$/,
    );
    expect(errors[1]).toMatch(
      /^typos\.json:\d+:\d+: targets\[0\]\.scope: unknown place; did you mean city, .*\(got "ctiy"\)$/,
    );
    expect(r.stdout).toContain("typos.json: pack: 2 errors, 6 warnings");
  });
});

/** Hostile --pack values and pack files: exit code and what the message must say. */
const hostile: readonly [string, string, string, number, RegExp][] = [
  [
    "a path that does not exist",
    "missing.json",
    "",
    1,
    /^regionsim: missing\.json: file not found$/m,
  ],
  ["a folder", "folder.json", "", 1, /^regionsim: folder\.json: is a folder, not a file$/m],
  [
    "a path in a folder that does not exist",
    "no/such/pack",
    "",
    1,
    /^regionsim: no\/such\/pack: file not found/m,
  ],
  [
    "invalid JSON",
    "broken.json",
    '{"id": "x",\n  "plan": }',
    1,
    /^broken\.json:2:11: .*\n.*not a valid region pack \(1 error\)/m,
  ],
  [
    "a JSON array",
    "array.json",
    "[]",
    1,
    /^array\.json: not a region pack \(expected an object with id, plan, dataset, targets and scenarios, got an array\)$/m,
  ],
  [
    "a newer schemaVersion",
    "future.json",
    // `  "schemaVersion": "2.0"` is line 2; the value starts at column 20.
    JSON.stringify({ schemaVersion: "2.0", ...JSON.parse(qujingJson()) }, null, 2),
    1,
    /^future\.json:2:20: schemaVersion: schemaVersion "2\.0" is newer than this version of regionsim reads \(1\.x\); upgrade regionsim\nregionsim: future\.json is not a valid region pack \(1 error\)$/m,
  ],
  [
    'a target scope "ctiy"',
    "ctiy.json",
    qujingJson((p) => {
      p.targets[0].scope = "ctiy";
    }),
    1,
    /targets\[0\]\.scope: unknown place; did you mean city.*\(got "ctiy"\)/,
  ],
  [
    "a duplicate place id",
    "dup.json",
    qujingJson((p) => {
      p.dataset.places.push(p.dataset.places[0]);
    }),
    1,
    /dataset\.places\[\d+\]\.id: duplicate place or group id, first used at dataset\.places\[0\] \(got "qilin"\)/,
  ],
  [
    "an unknown built-in id",
    "qujnig",
    "",
    2,
    /^regionsim: unknown pack "qujnig" \(known: qujing; or give a pack \.json file\)$/m,
  ],
];

describe("assess --pack with hostile values", () => {
  for (const [what, value, content, code, message] of hostile) {
    it(`exits ${code} for ${what}, naming the problem`, async () => {
      if (content !== "") await writeFile(join(dir, value), content);
      const r = await inDir(["assess", "--pack", value, "--scenario", "trend"]);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
    });
  }

  it("takes a value ending in .json as a path even when a built-in pack could be meant", async () => {
    const r = await inDir(["assess", "--pack", "qujing.JSON", "--scenario", "trend"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^regionsim: qujing\.JSON: file not found$/m);
  });
});
