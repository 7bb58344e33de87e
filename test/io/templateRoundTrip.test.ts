// The fill-in template's round trip: write it with `regionsim template`, fill cells as an analyst
// would (with exceljs), read it back with `regionsim assess --data needs.xlsx`, and the targets
// whose data were filled in are judged, as when the same observations are given to assessPack.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Assessment,
  assessPack,
  type Observation,
  qujingPack,
  type RegionPack,
} from "../../src/index.js";
import { run } from "../cli/runCliHarness.js";
import { syntheticPack } from "../helpers/syntheticPack.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "regionsim-roundtrip-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI in the temporary folder on the given packs. */
const inDir = (argv: string[], packs: readonly RegionPack[] | "built-in") =>
  run(argv, { packs, cwd: dir });

/** Fills cells of the template at `file`: sheet → { cell address → value }. */
async function fill(
  file: string,
  values: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(join(dir, file))) as unknown as ArrayBuffer);
  for (const [sheet, cells] of Object.entries(values)) {
    const ws = workbook.getWorksheet(sheet);
    if (ws === undefined) throw new Error(`the template has no sheet ${sheet}`);
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  await writeFile(join(dir, file), new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** What a row says once judged, without the fields that name the data's source. */
const verdicts = (a: Assessment) =>
  a.rows.map((r) => ({
    id: r.targetId,
    status: r.status,
    projected: r.projected,
    met: r.met,
  }));

// enabled when readWorkbook lands
// (`regionsim assess --data` reading .xlsx files, docs/data-formats.md "Fill-in template"; until
// then --data takes .csv and .json only, and these tests stop at its usage error, exit 2).
describe.skip("the fill-in template, filled in and read back with assess --data", () => {
  it("judges the synthetic pack's labs target once its counts are filled in", async () => {
    const pack = syntheticPack();
    const made = await inDir(
      ["template", "--pack", "synthetic", "--scenario", "steady", "--out", "labs.xlsx"],
      [pack],
    );
    expect(made.code).toBe(0);
    // Row 3 is `all` (the whole city), columns B–D the years 2021–2023. The synthetic region is
    // made up, and so are its counts: 2, 1 and 3 new labs.
    await fill("labs.xlsx", { labs_new: { B3: 2, C3: 1, D3: 3 } });
    const r = await inDir(
      ["assess", "--pack", "synthetic", "--scenario", "steady", "--data", "labs.xlsx", "--json"],
      [pack],
    );
    expect(r.code).toBe(0);
    const read = JSON.parse(r.stdout) as Assessment;
    expect(read.rows.find((row) => row.targetId === "labs")?.status).not.toBe("insufficient-data");
    expect(read.readiness).toEqual([]);
    const data: Observation[] = [2021, 2022, 2023].map((year, k) => ({
      place: "all",
      indicator: "labs_new",
      year,
      value: [2, 1, 3][k] as number,
      unit: "count",
      source: "TEST",
      quality: "A",
    }));
    expect(verdicts(read)).toEqual(verdicts(assessPack(pack, "steady", { data })));
  });

  it("judges Qujing's central-city GDP share once the central city's GDP is filled in", async () => {
    const made = await inDir(
      ["template", "--pack", "qujing", "--scenario", "trend", "--out", "needs.xlsx"],
      "built-in",
    );
    expect(made.code).toBe(0);
    // The central city's GDP, 100M yuan (亿元), current prices: the sum of its three districts
    // in ../shared/data/cn-panels/county_panel.csv (CSMAR_CNT_GDP, from the county statistical
    // yearbooks): 2020 麒麟 905.88 + 沾益 305.53 + 马龙 91.58 = 1302.99; 2021 1038.83 + 353.62 +
    // 109.62 = 1502.07. Columns B–K are 2015–2024, so G is 2020 and H 2021; row 3 is central-city.
    await fill("needs.xlsx", { gdp: { G3: 1302.99, H3: 1502.07 } });
    const r = await inDir(
      ["assess", "--pack", "qujing", "--scenario", "trend", "--data", "needs.xlsx", "--json"],
      "built-in",
    );
    expect(r.code).toBe(0);
    const read = JSON.parse(r.stdout) as Assessment;
    const share = read.rows.find((row) => row.targetId === "central-city-gdp-share");
    expect(share?.status).not.toBe("insufficient-data");
    // Blank cells are no observations: every other sheet's targets still lack their data.
    const before = assessPack(qujingPack, "trend");
    expect(read.readiness).toEqual(
      before.readiness.filter((n) => !(n.scope === "central-city" && n.indicator === "gdp")),
    );
    const data: Observation[] = [
      { year: 2020, value: 1302.99 },
      { year: 2021, value: 1502.07 },
    ].map(({ year, value }) => ({
      place: "central-city",
      indicator: "gdp",
      year,
      value,
      unit: "100M yuan",
      source: "CSMAR_CNT_GDP",
      quality: "B",
    }));
    expect(verdicts(read)).toEqual(verdicts(assessPack(qujingPack, "trend", { data })));
  });
});
