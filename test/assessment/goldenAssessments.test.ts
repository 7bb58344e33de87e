// Results pinned bit for bit: the digests of every case's assessment (and simulation) JSON as the
// code gave them before the work on speed (caches, prepared packs), written by
// `npm run golden:assess` (scripts/golden-assessments.ts). Speed work must change none of them;
// a change of results that is intended regenerates the file and says why in its commit.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenResults } from "../../scripts/golden-assessments.js";
import { goldenCases, partDigests } from "../helpers/goldenAssessments.js";

const golden = JSON.parse(
  readFileSync(new URL("../fixtures/assessment-golden.json", import.meta.url), "utf8"),
) as Record<string, Record<string, Record<string, string>>>;

/** The parts whose digests differ from the pinned ones (empty when all agree). */
function differing(pinned: Record<string, string>, now: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(pinned), ...Object.keys(now)]);
  return [...keys].filter((k) => pinned[k] !== now[k]);
}

describe("pinned assessments", () => {
  it("covers every case of the helper", () => {
    expect(Object.keys(golden).sort()).toEqual(
      goldenCases()
        .map((c) => c.id)
        .sort(),
    );
  });

  for (const c of goldenCases())
    it(`${c.id} gives the pinned results`, async () => {
      const results = await goldenResults(c);
      const pinned = golden[c.id] ?? {};
      expect(Object.keys(results).sort()).toEqual(Object.keys(pinned).sort());
      for (const [name, value] of Object.entries(results))
        expect(differing(pinned[name] ?? {}, partDigests(value)), `${c.id} ${name}`).toEqual([]);
    });
});
