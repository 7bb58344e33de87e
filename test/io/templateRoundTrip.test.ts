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

describe("the fill-in template, filled in and read back with assess --data", () => {
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

  it("judges Qujing's resident urbanization target once a second year is filled in", async () => {
    // The pack without its summaries of the national county panel (dataset.panels), with which
    // it judges the rate from one value (test/packs/qujing/panelSummaries.test.ts).
    const bare: RegionPack = { ...qujingPack, dataset: { ...qujingPack.dataset, panels: [] } };
    const made = await inDir(
      ["template", "--pack", "qujing", "--scenario", "trend", "--out", "needs.xlsx"],
      [bare],
    );
    expect(made.code).toBe(0);
    // The pack has one usable value of the city's resident urbanization rate (49.03% in 2020, the
    // 7th census) and a trend needs two. 50.56% for 2022 is the figure data/qujing/observations.csv
    // holds from a quality-C source (HKNF), which the scenarios do not fit on; an analyst who has
    // it from the yearbook fills it in. Columns B–K are 2015–2024, so I is 2022; row 3 is the city.
    await fill("needs.xlsx", { urbanization_resident_pct: { I3: 50.56 } });
    const r = await inDir(
      ["assess", "--pack", "qujing", "--scenario", "trend", "--data", "needs.xlsx", "--json"],
      [bare],
    );
    expect(r.code).toBe(0);
    const read = JSON.parse(r.stdout) as Assessment;
    const urbanization = read.rows.find((row) => row.targetId === "urbanization-resident");
    expect(urbanization?.status).not.toBe("insufficient-data");
    expect(urbanization?.latest).toMatchObject({ year: 2022, value: 50.56 });
    // Blank cells are no observations: every other sheet's targets still lack their data.
    const before = assessPack(bare, "trend");
    expect(read.readiness).toEqual(
      before.readiness.filter(
        (n) => !(n.scope === "city" && n.indicator === "urbanization_resident_pct"),
      ),
    );
    const data: Observation[] = [
      {
        place: "city",
        indicator: "urbanization_resident_pct",
        year: 2022,
        value: 50.56,
        unit: "%",
        source: "needs.xlsx",
        quality: "A",
      },
    ];
    expect(verdicts(read)).toEqual(verdicts(assessPack(bare, "trend", { data })));
  });
});
