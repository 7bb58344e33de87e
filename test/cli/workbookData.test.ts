// regionsim validate and assess --data on workbooks and yearbook-style tables
// (test/fixtures/good/yearbook-*.{xlsx,csv}, written by scripts/make-fixtures.ts), and the
// --indicator and --unit options.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessPack, loadFile, qujingPack } from "../../src/index.node.js";
import { workbookBytes } from "../helpers/workbook.js";
import { builtIn, run } from "./runCliHarness.js";

const GOOD = fileURLToPath(new URL("../fixtures/good/", import.meta.url));

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-workbook-"));
  await writeFile(
    join(dir, "bad.xlsx"),
    await workbookBytes([
      {
        name: "地区生产总值",
        rows: [
          ["各县（市、区）地区生产总值（万元）"],
          ["地区", 2018],
          ["麒麟去", 6518600],
          ["沾益区", "约206万"],
        ],
        merges: ["A1:B1"],
      },
    ]),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const inDir = (argv: string[]) => run(argv, { packs: "built-in", cwd: dir });

describe("regionsim validate reads workbooks and yearbook tables", () => {
  it("a yearbook workbook and a GBK yearbook CSV are clean", async () => {
    expect(await builtIn(["validate", "../good/yearbook-gdp.xlsx"])).toEqual({
      code: 0,
      stdout: "../good/yearbook-gdp.xlsx: observations (pack qujing): ok\n",
      stderr: "",
    });
    const gbk = await builtIn(["validate", "../good/yearbook-hukou-gbk.csv"]);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toMatch(/observations \(pack qujing\): 0 errors, 1 warning\n$/);
  });

  it("prints every problem at its sheet and cell, and exits 1", async () => {
    expect(await inDir(["validate", "bad.xlsx"])).toEqual({
      code: 1,
      stdout:
        'bad.xlsx:地区生产总值!A3: place: unknown place; did you mean qilin, central-city or city? (got "麒麟去")\n' +
        'bad.xlsx:地区生产总值!B4: 沾益区 2018: not a number (expected a finite number, got "约206万")\n' +
        "bad.xlsx: observations (pack qujing): 2 errors, 0 warnings\n",
      stderr: "",
    });
  });

  it("refuses an unknown --indicator or --unit, and those options on a scenario file", async () => {
    const indicator = await builtIn([
      "validate",
      "../good/yearbook-gdp.xlsx",
      "--indicator",
      "gpd",
    ]);
    expect(indicator.code).toBe(2);
    expect(indicator.stderr).toContain(
      'regionsim: --indicator must be an indicator of pack qujing; did you mean gdp, gdp_index or gdp_per_capita? (got the string "gpd")',
    );
    const unit = await builtIn(["validate", "../good/yearbook-gdp.xlsx", "--unit", "亿圆"]);
    expect(unit.stderr).toContain(
      'regionsim: --unit must be a known unit; did you mean "100M yuan"? (got the string "亿圆")',
    );
    const kind = await builtIn([
      "validate",
      "../good/scenario.json",
      "--kind",
      "scenario",
      "--unit",
      "万元",
    ]);
    expect(kind.stderr).toContain(
      "regionsim: --unit applies to observation files, not --kind scenario",
    );
  });
});

describe("regionsim assess --data reads workbooks", () => {
  it("assesses with the yearbook's observations as assessPack does with the same data", async () => {
    const r = await builtIn([
      ...["assess", "--pack", "qujing", "--scenario", "trend", "--json"],
      ...["--data", "../good/yearbook-gdp.xlsx"],
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const loaded = await loadFile(join(GOOD, "yearbook-gdp.xlsx"), qujingPack.dataset);
    if (loaded.kind !== "observations" || !loaded.result.ok) throw new Error("not read");
    const expected = assessPack(qujingPack, "trend", { data: loaded.result.value });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("stops with the issues of a bad workbook, and wants --data for --indicator", async () => {
    const r = await inDir([
      "assess",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--data",
      "bad.xlsx",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.xlsx:地区生产总值!B4: 沾益区 2018: not a number");
    expect(r.stderr).toContain("regionsim: bad.xlsx has 2 errors; nothing was assessed");
    const alone = await builtIn([
      "assess",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--unit",
      "万元",
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("regionsim: --unit needs --data");
  });
});
