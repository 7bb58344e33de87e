import fc from "fast-check";
import { qujingPack, readObservationsTable, readWorkbook } from "regionsim";
import { describe, expect, it } from "vitest";
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";
import { testMeta } from "./testMeta.js";

const meta = qujingPack.dataset;
type Call = (...args: unknown[]) => unknown;

describe("the table readers on arbitrary input", () => {
  it("readObservationsTable returns a result or throws its own error naming text, meta or options", () => {
    const options = fc.oneof(
      fc.constant(undefined),
      fc.record(
        {
          file: fc.anything(),
          indicator: fc.anything(),
          unit: fc.anything(),
          quality: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.anything()),
        fc.oneof(fc.constant(testMeta), fc.anything()),
        options,
        (t, m, o) => {
          returnsOrThrowsOwnError("readObservationsTable", ["text", "meta", "options"], () =>
            (readObservationsTable as Call)(t, m, o),
          );
        },
      ),
    );
  });

  it("readObservationsTable never throws for any text, with a valid dataset", () => {
    // Lines of cells drawn from what yearbook tables hold, so that headers and rows are found.
    const cell = fc.oneof(
      fc.constantFrom(
        "地区",
        "2018年",
        "2019",
        "麒麟区",
        "合计",
        "—",
        "…",
        "注：",
        "单位：万元",
        "地区生产总值（万元）",
        "",
      ),
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: true }).map(String),
    );
    const table = fc
      .array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 })
      .map((rows) => rows.map((r) => r.join(",")).join("\n"));
    fc.assert(
      fc.property(table, (t) => {
        expect(typeof readObservationsTable(t, meta, { file: "t.csv" }).ok).toBe("boolean");
      }),
    );
  });

  it("readWorkbook returns a result for any bytes, a ZIP header or not", async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const r = await readWorkbook(b, meta, { file: "x.xlsx" });
        expect(r.ok).toBe(false);
        expect(r.issues).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe("a yearbook-style wide table reads back cell for cell", () => {
  const places = ["麒麟区", "沾益", "马龙县", "Xuanwei", "huize"];
  const ids = ["qilin", "zhanyi", "malong", "xuanwei", "huize"];

  it("one observation per filled cell, in 亿元 = 万元 / 10⁴ as decimals, none for — or …", () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 99_999_999 }).map((n) => ({ text: String(n), n })),
      fc.constantFrom("—", "…", "-", "...", "").map((mark) => ({ text: mark, n: undefined })),
    );
    const grid = fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: places.length,
    });
    fc.assert(
      fc.property(grid, (rows) => {
        const csv = [
          "各县（市、区）地区生产总值（万元）",
          "地区,2018年,2019年,2020年",
          ...rows.map((r, i) => [places[i], ...r.map((c) => c.text)].join(",")),
        ].join("\n");
        const r = readObservationsTable(csv, meta, { file: "gdp.csv" });
        expect(r.issues).toEqual([]);
        // Every value is converted from 万元, so each keeps what was written in original.
        const expected = rows.flatMap((r, i) =>
          r.flatMap((c, j) =>
            c.n === undefined ? [] : [[ids[i], 2018 + j, Number(`${c.n}e-4`), c.n]],
          ),
        );
        const got = (r.ok ? r.value : []).map((o) => [o.place, o.year, o.value, o.original?.value]);
        expect(got).toEqual(expected);
      }),
    );
  });
});
