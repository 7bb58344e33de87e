// regionsim pack build on the committed Yuxi extract, then regionsim assess on the pack it wrote.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegionPackSchema } from "../../src/schemas/regionPack.js";
import { run } from "./runCliHarness.js";

const PANELS = fileURLToPath(new URL("../fixtures/panels/", import.meta.url));
const COUNTY = join(PANELS, "yuxi_county_panel.csv");
const CITY = join(PANELS, "yuxi_prefecture_panel.csv");
const TARGETS = join(PANELS, "yuxi_targets.json");

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-pack-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const build = (...extra: string[]) =>
  run(["pack", "build", "--panel", COUNTY, "--city", "玉溪", ...extra], { cwd: dir });

describe("regionsim pack build", () => {
  it("writes the pack, says what it holds, and assess runs on it", async () => {
    const r = await build("--prefecture-panel", CITY, "--targets", TARGETS, "--out", "yuxi.json");
    expect(r.code).toBe(0);
    // 269 county observations and 58 of the city (test/packs/buildPackFromPanel.test.ts).
    expect(r.stdout).toBe(
      "wrote yuxi.json: 玉溪市 Yuxi (cn-530400): 9 places, 12 indicators, 327 observations " +
        "(2009–2024), 6 breaks, scenarios trend, plan, downside, 3 targets\n" +
        "next: regionsim assess --pack yuxi.json --scenario trend\n",
    );
    // The rows left out, each with the file and line of the first.
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      expect.stringMatching(
        /yuxi_county_panel\.csv:20: warning: indicator: 1 row of population_hukou_agricultural left out/,
      ),
      expect.stringMatching(
        /yuxi_prefecture_panel\.csv:2: warning: indicator: 1 row of population_yearend_csmar left out/,
      ),
      expect.stringMatching(
        /yuxi_prefecture_panel\.csv:3: warning: indicator: 2 rows of fdi_used left out/,
      ),
    ]);
    const pack = RegionPackSchema.parse(JSON.parse(await readFile(join(dir, "yuxi.json"), "utf8")));
    expect(pack.targets.map((t) => t.id)).toEqual([
      "gdp-2035-double",
      "gdp-growth-2035",
      "hongta-growth-2025",
    ]);
    const assessed = await run(["assess", "--pack", "yuxi.json", "--scenario", "plan", "--json"], {
      cwd: dir,
    });
    expect(assessed.code).toBe(0);
    const rows = JSON.parse(assessed.stdout).rows as { targetId: string; status: string }[];
    // The plan scenario follows the targets, so each is on track.
    expect(rows.map((row) => `${row.targetId} ${row.status}`)).toEqual([
      "gdp-2035-double on-track",
      "gdp-growth-2035 on-track",
      "hongta-growth-2025 on-track",
    ]);
    const trend = await run(["assess", "--pack", "yuxi.json", "--scenario", "trend"], {
      cwd: dir,
    });
    expect(trend.code).toBe(0);
    expect(trend.stdout).toContain("玉溪市 Yuxi · trend");
  });

  it("is a usage error (2) for an unknown city, with the nearest ones", async () => {
    const r = await run(["pack", "build", "--panel", COUNTY, "--city", "玉西", "--out", "x.json"], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(
      'regionsim: --city must be a prefecture-level city of the panel, by code or name; did you mean 玉溪市 (530400) or 曲靖市 (530300)? (got the string "玉西")',
    );
  });

  it("is bad input (1) for a panel missing a column or with a value that is not a number", async () => {
    const text = await readFile(COUNTY, "utf8");
    await writeFile(join(dir, "no-unit.csv"), text.replace(",unit,", ",units,"));
    const noUnit = await run(
      ["pack", "build", "--panel", "no-unit.csv", "--city", "530400", "--out", "x.json"],
      { cwd: dir },
    );
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain(
      'no-unit.csv:1: unit: required column "unit" is missing (expected year, code, county, city, indicator, value, unit, source)',
    );
    expect(noUnit.stderr).toContain("regionsim: no-unit.csv has 1 error; no pack was built");
    const lines = text.split("\n");
    // Line 41: 江川区's GDP of 2020, 146.74.
    lines[40] = (lines[40] as string).replace("146.74", "n/a");
    await writeFile(join(dir, "bad-value.csv"), lines.join("\n"));
    const badValue = await run(
      ["pack", "build", "--panel", "bad-value.csv", "--city", "530400", "--out", "x.json"],
      { cwd: dir },
    );
    expect(badValue.code).toBe(1);
    expect(badValue.stderr).toContain(
      'bad-value.csv:41:8: value: not a number (expected a number, got "n/a")',
    );
  });

  it("is bad input (1) for targets that name an unknown place, with its position", async () => {
    const text = await readFile(TARGETS, "utf8");
    await writeFile(join(dir, "targets.json"), text.replace('"c530402"', '"c530420"'));
    const r = await build("--targets", "targets.json", "--out", "x.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'targets.json:18:16: targets[2].scope: unknown place; did you mean c530423, c530424 or c530425? (got "c530420")',
    );
    expect(r.stderr).toContain("regionsim: targets.json has errors; no pack was written");
  });

  it("is a usage error (2) without the action or a required option", async () => {
    expect((await run(["pack"])).code).toBe(2);
    const r = await run(["pack", "build", "--panel", COUNTY, "--out", "x.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("regionsim: missing --city");
    expect((await run(["pack", "make"])).stderr).toContain(
      'unknown action "make" (expected build)',
    );
  });
});
