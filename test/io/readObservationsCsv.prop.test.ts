import fc from "fast-check";
import {
  type Observation,
  type Result,
  readObservationsCsv,
  readObservationsJson,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

const FIELDS = [
  "place",
  "indicator",
  "year",
  "value",
  "unit",
  "source",
  "quality",
  "note",
] as const;
type Field = (typeof FIELDS)[number];
const ZH: Record<Field, string> = {
  place: "地区",
  indicator: "指标",
  year: "年份",
  value: "数值",
  unit: "单位",
  source: "来源",
  quality: "质量",
  note: "备注",
};

/** Every name a place or group may be written with in a file. */
const placeNames = [...testMeta.places, ...testMeta.groups].map((p) => ({
  id: p.id,
  names: [p.id, p.id.toUpperCase(), p.nameZh, p.nameEn, ...(p.aliases ?? [])],
}));
const indicatorNames = testMeta.indicators.map((i) => ({
  indicator: i,
  names: [i.id, i.nameZh, i.nameEn, ...(i.aliases ?? [])],
}));

/** Text without surrounding whitespace (readers trim), with CSV's special characters inside. */
const text = fc
  .tuple(
    fc.constantFrom("S", "统", "N"),
    fc.string({
      unit: fc.constantFrom("a", "Z", "9", " ", ",", '"', "\n", "年", "鉴", "'"),
      maxLength: 6,
    }),
    fc.constantFrom("1", "X", "局"),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

/** One valid observation and the names it is written with. */
const observation = fc
  .record({
    place: fc.constantFrom(...placeNames),
    placeName: fc.nat(),
    indicator: fc.constantFrom(...indicatorNames),
    indicatorName: fc.nat(),
    year: fc.integer({ min: 1900, max: 2200 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    source: text,
    quality: fc.constantFrom("A" as const, "B" as const, "C" as const),
    note: fc.option(text, { nil: undefined }),
  })
  .map((r) => {
    const [lo, hi] =
      r.indicator.indicator.bounds ?? (r.indicator.indicator.kind === "rate" ? [0, 100] : [0, 1e7]);
    // A value inside the bounds, never -0 (which a CSV writes as "0").
    const value = lo + (hi - lo) * r.fraction || 0;
    const obs: Observation = {
      place: r.place.id,
      indicator: r.indicator.indicator.id,
      year: r.year,
      value,
      unit: r.indicator.indicator.unit,
      source: r.source,
      quality: r.quality,
    };
    if (r.note !== undefined) obs.note = r.note;
    const written: Record<Field, string> = {
      place: r.place.names[r.placeName % r.place.names.length] as string,
      indicator: r.indicator.names[r.indicatorName % r.indicator.names.length] as string,
      year: String(r.year),
      value: String(value),
      unit: obs.unit,
      source: obs.source,
      quality: obs.quality,
      note: obs.note ?? "",
    };
    return { obs, written };
  });

const key = (o: Observation) => `${o.place}|${o.indicator}|${o.year}`;

/** Observations with distinct (place, indicator, year): no duplicates and no conflicts. */
const distinctObservations = fc.uniqueArray(observation, {
  selector: (o) => key(o.obs),
  maxLength: 40,
});

/**
 * Observations with distinct (place, indicator, year, source) but shared (place, indicator,
 * year): each extra row copies an earlier one under another source, with the same value or
 * half of it (still inside the bounds), so sources meet, and often disagree.
 */
const conflictingObservations = distinctObservations
  .filter((rows) => rows.length > 0)
  .chain((rows) =>
    fc
      .array(fc.record({ index: fc.nat(), half: fc.boolean() }), { maxLength: 20 })
      .map((extras) => [
        ...rows,
        ...extras.map(({ index, half }, k) => {
          const base = rows[index % rows.length] as (typeof rows)[number];
          const value = half ? base.obs.value / 2 : base.obs.value;
          const source = `${base.obs.source}#${k}`;
          return {
            obs: { ...base.obs, value, source },
            written: { ...base.written, value: String(value), source },
          };
        }),
      ]),
  );

const quote = (s: string) =>
  /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s;

function toCsv(
  rows: readonly { written: Record<Field, string> }[],
  options: { chinese: boolean; order: readonly Field[]; crlf: boolean; bom: boolean },
): string {
  const eol = options.crlf ? "\r\n" : "\n";
  const header = options.order.map((f) => (options.chinese ? ZH[f] : f)).join(",");
  const lines = rows.map((r) => options.order.map((f) => quote(r.written[f])).join(","));
  return `${options.bom ? "\uFEFF" : ""}${[header, ...lines].join(eol)}${eol}`;
}

const csvOptions = fc.record({
  chinese: fc.boolean(),
  order: fc.shuffledSubarray([...FIELDS], { minLength: FIELDS.length, maxLength: FIELDS.length }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

const sorted = (list: readonly Observation[]) =>
  [...list].sort((a, b) => (`${key(a)}|${a.source}` < `${key(b)}|${b.source}` ? -1 : 1));
const kept = (r: Result<Observation[]>) => (r.ok ? r.value : (r.partial ?? []));

describe("reading observations back", () => {
  it("writing valid observations to CSV (any names, header language, column order, line ends, BOM) and reading them gives the same observations", () => {
    fc.assert(
      fc.property(distinctObservations, csvOptions, (rows, options) => {
        const r = readObservationsCsv(toCsv(rows, options), testMeta);
        expect(r.issues).toEqual([]);
        expect(r.ok && r.value).toEqual(rows.map((x) => x.obs));
      }),
      { numRuns: 200 },
    );
  });

  it("writing valid observations to JSON with English or Chinese keys and reading them gives the same observations", () => {
    fc.assert(
      fc.property(distinctObservations, fc.boolean(), (rows, chinese) => {
        const objects = rows.map((r) =>
          Object.fromEntries(
            FIELDS.filter((f) => f !== "note" || r.obs.note !== undefined).map((f) => [
              chinese ? ZH[f] : f,
              f === "year" || f === "value" ? Number(r.written[f]) : r.written[f],
            ]),
          ),
        );
        const r = readObservationsJson(
          JSON.stringify({ observations: objects }, null, 1),
          testMeta,
        );
        expect(r.issues).toEqual([]);
        expect(r.ok && r.value).toEqual(rows.map((x) => x.obs));
      }),
      { numRuns: 200 },
    );
  });

  it("any permutation of the rows gives the same set of observations and warns of the same conflicting (place, indicator, year)", () => {
    fc.assert(
      fc.property(
        conflictingObservations.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        csvOptions,
        ([rows, permuted], options) => {
          const read = (list: typeof rows) => {
            const r = readObservationsCsv(toCsv(list, options), testMeta);
            // Lines of the rows: the header is line 1, and quoted line breaks take extra lines.
            const startLines: number[] = [];
            let line = 2;
            for (const row of list) {
              startLines.push(line);
              line += options.order
                .map((f) => quote(row.written[f]))
                .join(",")
                .split("\n").length;
            }
            const warned = new Set(
              r.issues
                .filter((i) => i.code === "conflicting-sources")
                .map((i) => key(list[startLines.indexOf(i.line ?? 0)]?.obs as Observation)),
            );
            return { r, warned };
          };
          const a = read(rows);
          const b = read(permuted);
          expect(a.r.ok && b.r.ok).toBe(true);
          expect(sorted(kept(b.r))).toEqual(sorted(kept(a.r)));
          expect([...b.warned].sort()).toEqual([...a.warned].sort());
          // Independently: a (place, indicator, year) is warned of iff its rows disagree on value.
          const values = new Map<string, Set<number>>();
          for (const { obs } of rows)
            values.set(key(obs), (values.get(key(obs)) ?? new Set()).add(obs.value));
          const disagreeing = [...values].filter(([, v]) => v.size > 1).map(([k]) => k);
          expect([...a.warned].sort()).toEqual(disagreeing.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reading never changes the text or the meta and never throws, whatever the text", () => {
    const before = structuredClone(testMeta);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", ",", '"', "\n", "\r", "1", "q", "{", "[", "]", "}", ":"),
        }),
        (s) => {
          const copy = `${s}`;
          readObservationsCsv(s, testMeta);
          readObservationsJson(s, testMeta);
          expect(s).toBe(copy);
        },
      ),
      { numRuns: 300 },
    );
    expect(testMeta).toEqual(before);
  });
});
