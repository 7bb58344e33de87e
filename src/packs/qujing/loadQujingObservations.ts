import { readObservationsCsv } from "../../io/readObservationsCsv.js";
import { formatIssue } from "../../schemas/issue.js";
import type { Observation } from "../../schemas/observation.js";
import { observationsCsv } from "./observationsCsv.generated.js";
import { panelObservationsCsv } from "./panelObservationsCsv.generated.js";
import { qujingGroups } from "./qujingGroups.js";
import { qujingIndicators } from "./qujingIndicators.js";
import { qujingPlaces } from "./qujingPlaces.js";

/** Where the embedded texts come from, as issues name them. */
const FILE = "data/qujing/observations.csv";
const PANEL_FILE = "data/qujing/panel-observations.csv";

/**
 * Parses the Qujing observations embedded in the package with `readObservationsCsv` against the
 * pack's places, groups and indicators: those of `data/qujing/observations.csv` (via
 * `observationsCsv.generated.ts`), then those of `data/qujing/panel-observations.csv`, the
 * county and city series of the shared China panels (via `panelObservationsCsv.generated.ts`).
 * The files' place `qujing` becomes the group `city`. Every row is kept, quality C included
 * (scenarios decide whether to fit on them); warnings such as conflicting sources are expected
 * and kept out of the result. Each file is read on its own, so an issue names its file; the two
 * never share a source key, so no row of one duplicates a row of the other.
 *
 * The embedded data are part of the package, not user input: if they do not validate, that is a
 * bug in the package, so this throws instead of returning issues.
 *
 * @param text - CSV text of the first file; defaults to the embedded `observations.csv` (another
 *   text is for tests).
 * @param panelText - CSV text of the second file; defaults to the embedded
 *   `panel-observations.csv`.
 * @returns one observation per data row of the two files, in file order, the first file first.
 * @throws {TypeError} `loadQujingObservations: the embedded observations do not validate (a bug
 *   in the package):` followed by every issue, one per line, as `formatIssue` writes it.
 * @example
 * loadQujingObservations().filter((o) => o.place === "city" && o.indicator === "gdp").length; // 27
 */
export function loadQujingObservations(
  text: string = observationsCsv,
  panelText: string = panelObservationsCsv,
): Observation[] {
  const meta = { places: qujingPlaces, groups: qujingGroups, indicators: qujingIndicators };
  const out: Observation[] = [];
  for (const [t, file] of [
    [text, FILE],
    [panelText, PANEL_FILE],
  ] as const) {
    const read = readObservationsCsv(t, meta, { file });
    if (!read.ok) {
      throw new TypeError(
        `loadQujingObservations: the embedded observations do not validate (a bug in the package):\n${read.issues
          .map(formatIssue)
          .join("\n")}`,
      );
    }
    out.push(...read.value);
  }
  return out;
}
