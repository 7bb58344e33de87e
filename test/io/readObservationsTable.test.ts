// readObservationsTable and loadFile on CSV tables as analysts have them: the yearbook-style GBK
// table test/fixtures/good/yearbook-hukou-gbk.csv (written by scripts/make-fixtures.ts; figures
// from ../shared/data/cn-panels/qujing_extract.csv, CSMAR county population table, 万人) and
// small tables written here.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DatasetMeta,
  formatIssue,
  type LoadedFile,
  loadFile,
  type Observation,
  qujingPack,
  readObservationsTable,
  validateFile,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { encodeGbk, yearbookHukouText } from "../../scripts/make-fixtures.js";

const meta = qujingPack.dataset;
const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/good/${name}`, import.meta.url));
const values = (r: { ok: boolean; value?: Observation[]; partial?: Observation[] }) =>
  (r.ok ? r.value : r.partial) ?? [];
const brief = (o: Observation) => [o.place, o.indicator, o.year, o.value];
/** The observations a loaded file holds (none if it is not an observations file). */
const loadedValues = (loaded: LoadedFile) =>
  loaded.kind === "observations" ? values(loaded.result) : [];

describe("a GBK CSV in yearbook shape (yearbook-hukou-gbk.csv)", () => {
  it("is the bytes scripts/make-fixtures.ts writes: GBK, two bytes a Chinese character", () => {
    const bytes = readFileSync(fixturePath("yearbook-hukou-gbk.csv"));
    expect(new Uint8Array(bytes)).toEqual(encodeGbk(yearbookHukouText()));
    // 户 is 0xBB 0xA7 in GB 2312 (row 27, column 7: 0xA0 + 27, 0xA0 + 7).
    expect([...encodeGbk("户")]).toEqual([0xbb, 0xa7]);
  });

  it("reads through loadFile: decoded as GB18030, title, short and old names, … missing", async () => {
    const path = fixturePath("yearbook-hukou-gbk.csv");
    const loaded = await loadFile(path, meta);
    expect([loaded.kind, loaded.format]).toEqual(["observations", "csv"]);
    expect(loaded.result.issues.map(formatIssue)).toEqual([
      `${path}: warning: not UTF-8: read as GB18030 (GBK); check the names in the messages if they look wrong (expected UTF-8, got GB18030)`,
    ]);
    const obs = loadedValues(loaded);
    // 9 places × 3 years; the 全市 row is all 「…」: missing, not errors.
    expect(obs).toHaveLength(27);
    expect(obs.every((o) => o.indicator === "population_hukou" && o.unit === "10k persons")).toBe(
      true,
    );
    // 马龙县 (the county before 2018) is 马龙区's alias; 万人 is the indicator's unit, so no
    // conversion is recorded.
    expect(obs.filter((o) => o.place === "malong")).toEqual(
      [
        [2017, 19.49],
        [2018, 19.64],
        [2019, 20.39],
      ].map(([year, value]) => ({
        place: "malong",
        indicator: "population_hukou",
        year,
        value,
        unit: "10k persons",
        source: "yearbook-hukou-gbk.csv",
        quality: "A",
      })),
    );
  });
});

describe("readObservationsTable reads wide and long CSV tables", () => {
  it("a wide table with years as 2018年, places by code, short name or old designation", () => {
    // A pack whose ids carry GB/T 2260 codes, as a pack built from a county panel has them.
    const coded: DatasetMeta = {
      places: [
        { id: "c530302", nameZh: "麒麟区", nameEn: "Qilin District", kind: "district" },
        { id: "c530303", nameZh: "沾益区", nameEn: "Zhanyi District", kind: "district" },
      ],
      groups: [
        { id: "c530300", nameZh: "曲靖市", nameEn: "Qujing City", members: ["c530302", "c530303"] },
      ],
      indicators: meta.indicators.filter((i) => i.id === "gdp"),
    };
    const csv = [
      "地区生产总值（万元）",
      "地区,2018年,2019年",
      "530302,6518600,8278200",
      "沾益县,2058100,2759900",
      "合计,8576700,—",
    ].join("\n");
    const r = readObservationsTable(csv, coded, { file: "gdp.csv" });
    expect(r.issues).toEqual([]);
    // 530302 is c530302; 沾益县 is 沾益区 without its designation; 合计 is the group of every
    // place. 6,518,600 + 2,058,100 = 8,576,700 万元 = 857.67 亿元.
    expect(values(r).map(brief)).toEqual([
      ["c530302", "gdp", 2018, 651.86],
      ["c530302", "gdp", 2019, 827.82],
      ["c530303", "gdp", 2018, 205.81],
      ["c530303", "gdp", 2019, 275.99],
      ["c530300", "gdp", 2018, 857.67],
    ]);
  });

  it("reads Qujing's places by their GB/T 2260 codes, current and old", () => {
    // 宣威 2018: 2,807,600 万元 = 280.76 亿元; 沾益 2018: 2,058,100 万元 = 205.81 亿元, written
    // under its old code 530328 (沾益县, re-coded 530303 in 2016); 530300 is the whole city, 2018
    // 2013.36 亿元 = 20,133,600 万元 (cn-panels qujing_extract.csv).
    const csv =
      "地区生产总值（万元）\n地区,2018\n530381,2807600\n530328,2058100\n530300,20133600\n";
    const r = readObservationsTable(csv, meta, { file: "gdp.csv" });
    expect(r.issues).toEqual([]);
    expect(values(r).map(brief)).toEqual([
      ["xuanwei", "gdp", 2018, 280.76],
      ["zhanyi", "gdp", 2018, 205.81],
      ["city", "gdp", 2018, 2013.36],
    ]);
  });

  it("reads place names with footnote marks before and after them", () => {
    // Yearbooks mark places with footnotes: 麒麟区①, 沾益区¹, 宣威市*, #陆良县 (of which).
    // 2019 GDP, 万元 (cn-panels qujing_extract.csv): 8,278,200; 2,759,900; 3,602,200; 2,335,500.
    const csv =
      "地区生产总值（万元）\n地区,2019\n麒麟区①,8278200\n沾益区¹,2759900\n宣威市*,3602200\n#陆良县,2335500\n";
    const r = readObservationsTable(csv, meta, { file: "gdp.csv" });
    expect(r.issues).toEqual([]);
    expect(values(r).map(brief)).toEqual([
      ["qilin", "gdp", 2019, 827.82],
      ["zhanyi", "gdp", 2019, 275.99],
      ["xuanwei", "gdp", 2019, 360.22],
      ["luliang", "gdp", 2019, 233.55],
    ]);
  });

  it("a code no place carries is an unknown place at its cell", () => {
    const r = readObservationsTable("地区生产总值（万元）\n地区,2018\n530402,2807600\n", meta, {
      file: "gdp.csv",
    });
    expect(r.issues.map(formatIssue)).toEqual([
      `gdp.csv:3:1: place: unknown place code: no place or group of the pack carries it (got "530402")`,
    ]);
  });

  it("the file's name can name the indicator, and the unit option says the unit", () => {
    const csv = "县（市、区）,2019\n麒麟,313200\n";
    const r = readObservationsTable(csv, meta, { file: "data/第一产业增加值.csv", unit: "万元" });
    // 313,200 万元 = 31.32 亿元.
    expect(values(r).map(brief)).toEqual([["qilin", "primary_va", 2019, 31.32]]);
  });

  it("a long table with Chinese headers; a unit column of 万元 is converted per row", () => {
    const csv = [
      "地区,指标,年份,数值,单位,来源",
      "宣威市,地区生产总值,2018,2807600,万元,CSMAR",
      "宣威市,地区生产总值,2019,36.022,亿元 ,CSMAR",
      "宣威市,地区生产总值,2020,…,万元,CSMAR",
      "宣威市,地区生产总值,2021,1,万人,CSMAR",
    ].join("\n");
    const r = readObservationsTable(csv, meta, { file: "long.csv" });
    expect(r.issues.map(formatIssue)).toEqual([
      'long.csv:5:5: 单位: a unit of another quantity: a number of persons, not an amount of money as gdp is (expected "100M yuan" or another unit of an amount of money (元, 万元, 亿元), got "万人")',
    ]);
    // 2,807,600 万元 = 280.76 亿元; 36.022 亿元 is already 100M yuan (written differently: no
    // conversion kept); 2020's 「…」 is missing.
    expect(values(r).map((o) => [...brief(o), o.original])).toEqual([
      ["xuanwei", "gdp", 2018, 280.76, { value: 2807600, unit: "万元" }],
      ["xuanwei", "gdp", 2019, 36.022, undefined],
    ]);
  });

  it("the canonical CSV is read strictly, as readObservationsCsv does, with units converted", () => {
    const csv =
      "place,indicator,year,value,unit,source,quality\nqilin,gdp,2018,6518600,万元,CSMAR,B\nqilin,gdp\n";
    const r = readObservationsTable(csv, meta, { file: "obs.csv" });
    expect(r.issues.map(formatIssue)).toEqual([
      "obs.csv:3: wrong number of fields (expected 7 fields as in the header, got 2)",
    ]);
    expect(values(r).map(brief)).toEqual([["qilin", "gdp", 2018, 651.86]]);
  });

  it("a table separated by semicolons is one error", () => {
    const r = readObservationsTable("地区;2018\n麒麟;1\n", meta, { file: "x.csv" });
    expect(r.issues.map(formatIssue)).toEqual([
      'x.csv:1: columns are separated by semicolons (";") instead of commas: save the file as comma-separated (CSV UTF-8)',
    ]);
  });

  it("a table without a unit is an error, not a guess", () => {
    const r = readObservationsTable("地区生产总值\n地区,2018\n麒麟区,651.86\n", meta, {
      file: "g.csv",
    });
    expect(r.issues.map(formatIssue)).toEqual([
      'g.csv: no unit for gdp: put it in the title (地区生产总值（万元）), a 单位：万元 line, a unit column, or give the unit option; no value of this table was read (expected "100M yuan" or another unit of its quantity)',
    ]);
  });

  it("refuses bad options with the function's name", () => {
    expect(() => readObservationsTable("", meta, { quality: "D" as "A" })).toThrow(
      'readObservationsTable: options.quality must be "A", "B" or "C"',
    );
    expect(() => readObservationsTable("", meta, { sheet: "x" } as object)).toThrow(
      "readObservationsTable: options.sheet is not an option",
    );
  });
});

describe("loadFile tells the format from the content", () => {
  it("a workbook named .csv is read as a workbook", async () => {
    const copy = join(mkdtempSync(join(tmpdir(), "regionsim-load-")), "gdp.csv");
    copyFileSync(fixturePath("yearbook-gdp.xlsx"), copy);
    const loaded = await loadFile(copy, meta);
    expect([loaded.kind, loaded.format, loaded.result.ok]).toEqual(["observations", "xlsx", true]);
    expect(loadedValues(loaded)).toHaveLength(44);
    rmSync(dirname(copy), { recursive: true });
  });

  it("the indicator option applies to every sheet of a workbook", async () => {
    // With indicator gdp, sheet 第一产业增加值 is read as GDP as well: its 9 places × 2018–2019
    // disagree with 表3-5's GDP, from another source (the file's name): 18 warnings.
    const loaded = await loadFile(fixturePath("yearbook-gdp.xlsx"), meta, { indicator: "gdp" });
    const issues = loaded.result.issues;
    expect(issues).toHaveLength(18);
    expect(
      issues.every((i) => i.code === "conflicting-sources" && i.sheet === "第一产业增加值"),
    ).toBe(true);
    expect(loadedValues(loaded).every((o) => o.indicator === "gdp")).toBe(true);
  });

  it("JSON observations are read with their units converted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regionsim-load-"));
    const json = join(dir, "obs.json");
    writeFileSync(
      json,
      JSON.stringify([
        {
          地区: "麒麟区",
          指标: "gdp",
          年份: 2018,
          数值: 6518600,
          单位: "万元",
          来源: "CSMAR",
          质量: "B",
        },
      ]),
    );
    const j = await loadFile(json, meta);
    expect([j.kind, j.format]).toEqual(["observations", "json"]);
    // 6,518,600 万元 = 651.86 亿元.
    expect(loadedValues(j).map((o) => [o.value, o.original])).toEqual([
      [651.86, { value: 6518600, unit: "万元" }],
    ]);
    rmSync(dir, { recursive: true });
  });

  it("validateFile, which reads text files, says a workbook needs loadFile", () => {
    const path = fixturePath("yearbook-gdp.xlsx");
    expect(validateFile(path, meta).issues.map(formatIssue)).toEqual([
      `${path}: an Excel workbook: validateFile reads text files; read it with loadFile (asynchronous) or regionsim validate`,
    ]);
  });

  it("a scenario file is read by its reader; a workbook cannot be a scenario", async () => {
    const s = await loadFile(fixturePath("scenario.json"), meta, { scenarios: ["trend"] });
    expect(s.kind).toBe("scenario");
    const w = await loadFile(fixturePath("yearbook-gdp.xlsx"), meta, { kind: "scenario" });
    expect(w.result.issues.map((i) => i.code)).toEqual(["wrong-kind"]);
  });
});
