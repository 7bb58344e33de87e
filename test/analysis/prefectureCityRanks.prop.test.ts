import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefectureCityRanks } from "../../src/analysis/prefectureCityRanks.js";

/** Up to 40 cities of one year with GDPs from 1 to 10,000 (100M yuan), drawn from 20 values so ties happen. */
const panel = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 40 })
  .chain((prefectures) =>
    fc.tuple(
      fc.constant(prefectures.map((p) => `53${String(p).padStart(2, "0")}00`)),
      fc.array(
        fc.integer({ min: 1, max: 20 }).map((g) => g * 500),
        {
          minLength: prefectures.length,
          maxLength: prefectures.length,
        },
      ),
    ),
  )
  .map(([codes, gdps]) =>
    codes.map((code, i) => ({ year: 2020, code, name: code, gdp: gdps[i] as number })),
  );

const everyCity = () => true;

describe("prefectureCityRanks properties", () => {
  it("a city is in the top k exactly when its GDP is at least the k-th city's", () => {
    fc.assert(
      fc.property(panel, fc.integer({ min: 1, max: 40 }), fc.nat(), (rows, k, pick) => {
        const target = rows[pick % rows.length]!;
        const r = prefectureCityRanks(rows, { code: target.code, rank: k, isCity: everyCity });
        const at = r.ranks[0]!;
        if (at.gdpAtRank === null) expect(rows.length).toBeLessThan(k);
        else expect(at.rank <= k).toBe(at.gdp >= at.gdpAtRank);
      }),
    );
  });

  it("permuting the rows changes no rank", () => {
    fc.assert(
      fc.property(
        panel.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        fc.integer({ min: 1, max: 40 }),
        ([rows, shuffled], k) => {
          for (const { code } of rows) {
            expect(prefectureCityRanks(shuffled, { code, rank: k, isCity: everyCity })).toEqual(
              prefectureCityRanks(rows, { code, rank: k, isCity: everyCity }),
            );
          }
        },
      ),
    );
  });

  it("ranks run from 1 to the number of cities, and the largest city ranks 1", () => {
    fc.assert(
      fc.property(panel, (rows) => {
        const ranks = rows.map(
          (row) =>
            prefectureCityRanks(rows, { code: row.code, rank: 1, isCity: everyCity }).ranks[0]!
              .rank,
        );
        expect(Math.min(...ranks)).toBe(1);
        expect(Math.max(...ranks)).toBeLessThanOrEqual(rows.length);
        // A rank counts the cities strictly larger, so it is 1 + that count.
        rows.forEach((row, i) => {
          expect(ranks[i]).toBe(1 + rows.filter((other) => other.gdp > row.gdp).length);
        });
      }),
    );
  });
});
