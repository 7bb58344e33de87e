import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { embedData, renderObservationsModule, repoRoot } from "../../../scripts/embed-data.js";
import { observationsCsv } from "../../../src/packs/qujing/observationsCsv.generated.js";
import { prefectureRanks } from "../../../src/packs/qujing/prefectureRanks.generated.js";

describe("generated data modules", () => {
  it("equal what scripts/embed-data.ts produces from data/ now (run `npm run embed-data` if not)", () => {
    for (const { path, content } of embedData()) {
      expect(readFileSync(join(repoRoot, path), "utf8"), path).toBe(content);
    }
  });

  it("hold the observations CSV byte for byte", () => {
    const file = readFileSync(join(repoRoot, "data/qujing/observations.csv"));
    expect(Buffer.from(observationsCsv, "utf8").equals(file)).toBe(true);
  });

  it("keep a CSV's text unchanged whatever its line ends", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CSV cell that looks like a placeholder must stay literal
    for (const text of ["a,b\r\n1,2\r\n", "a,b\n1,2", 'a,"x\\"y"\n`${z}`\n']) {
      const js = renderObservationsModule(text)
        .replace(/^\/\/.*$/gm, "")
        .replace("export const observationsCsv: string =", "return");
      expect(new Function(js)()).toBe(text);
    }
  });

  it("hold Qujing's rank table for 2010–2021 and the 70th city's GDP", () => {
    expect(prefectureRanks.code).toBe("530300");
    expect(prefectureRanks.k).toBe(70);
    const years = prefectureRanks.ranks.map((r) => r.year);
    for (let y = 2010; y <= 2021; y++) expect(years).toContain(y);
    for (let y = 2010; y <= 2021; y++) expect(prefectureRanks.kth.years).toContain(y);
  });
});
