import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cnPanelPaths, sharedDir } from "../../../scripts/cn-panels.js";
import {
  embedPaths,
  embedRepoData,
  renderObservationsModule,
  renderPrefectureRanksModule,
  repoRoot,
} from "../../../scripts/embed-data.js";
import { observationsCsv } from "../../../src/packs/qujing/observationsCsv.generated.js";
import { panelObservationsCsv } from "../../../src/packs/qujing/panelObservationsCsv.generated.js";
import { prefectureRanks } from "../../../src/packs/qujing/prefectureRanks.generated.js";

/** The shared panels (REGIONSIM_SHARED, else ../shared); not in the repository. */
const panels = cnPanelPaths(sharedDir());
const SKIP_REASON = `skipped: the shared panels are not under ${sharedDir()} (set REGIONSIM_SHARED)`;

describe("generated data modules", () => {
  it("equal what scripts/embed-data.ts produces from data/ now (run `npm run embed-data` if not)", () => {
    const modules = embedRepoData();
    expect(modules.map((m) => m.path)).toEqual([
      embedPaths.observationsModule,
      embedPaths.panelObservationsModule,
    ]);
    for (const { path, content } of modules) {
      expect(readFileSync(join(repoRoot, path), "utf8"), path).toBe(content);
    }
  });

  it("hold the two observation CSVs byte for byte", () => {
    for (const [text, file] of [
      [observationsCsv, "data/qujing/observations.csv"],
      [panelObservationsCsv, "data/qujing/panel-observations.csv"],
    ] as const) {
      expect(Buffer.from(text, "utf8").equals(readFileSync(join(repoRoot, file))), file).toBe(true);
    }
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

  it.skipIf(!panels.present)(
    `hold the rank aggregates scripts/embed-data.ts computes from the shared prefecture panel (${panels.present ? "panel present" : SKIP_REASON})`,
    () => {
      const text = readFileSync(panels.prefecture, "utf8");
      expect(readFileSync(join(repoRoot, embedPaths.ranksModule), "utf8")).toBe(
        renderPrefectureRanksModule(text),
      );
    },
  );

  it("hold Qujing's rank table for 2000–2023 and the 70th city's GDP, and no panel rows", () => {
    expect(prefectureRanks.code).toBe("530300");
    expect(prefectureRanks.k).toBe(70);
    const years = Array.from({ length: 24 }, (_, i) => 2000 + i);
    expect(prefectureRanks.ranks.map((r) => r.year)).toEqual(years);
    expect(prefectureRanks.kth.years).toEqual(years);
    expect(prefectureRanks.kth.values).toHaveLength(years.length);
    // Only aggregates: the module names no city other than in its comments.
    const text = readFileSync(join(repoRoot, embedPaths.ranksModule), "utf8");
    expect(text).not.toMatch(/code: "(?!530300")/);
  });
});
