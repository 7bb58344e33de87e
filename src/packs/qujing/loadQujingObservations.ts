import { readObservationsCsv } from "../../io/readObservationsCsv.js";
import { formatIssue } from "../../schemas/issue.js";
import type { Observation } from "../../schemas/observation.js";
import { observationsCsv } from "./observationsCsv.generated.js";
import { qujingGroups } from "./qujingGroups.js";
import { qujingIndicators } from "./qujingIndicators.js";
import { qujingPlaces } from "./qujingPlaces.js";

/** Where the embedded text comes from, as issues name it. */
const FILE = "data/qujing/observations.csv";

/**
 * Parses the Qujing observations embedded in the package (`data/qujing/observations.csv`, via
 * `observationsCsv.generated.ts`) with `readObservationsCsv` against the pack's places, groups
 * and indicators. The file's place `qujing` becomes the group `city`. Every row is kept,
 * quality C included (scenarios decide whether to fit on them); warnings such as conflicting
 * sources are expected and kept out of the result.
 *
 * The embedded data are part of the package, not user input: if they do not validate, that is a
 * bug in the package, so this throws instead of returning issues.
 *
 * @param text - CSV text; defaults to the embedded file (another text is for tests).
 * @returns one observation per data row of the file, in file order.
 * @throws {TypeError} `loadQujingObservations: the embedded observations do not validate (a bug
 *   in the package):` followed by every issue, one per line, as `formatIssue` writes it.
 * @example
 * loadQujingObservations().filter((o) => o.place === "city" && o.indicator === "gdp").length; // 16
 */
export function loadQujingObservations(text: string = observationsCsv): Observation[] {
  const meta = { places: qujingPlaces, groups: qujingGroups, indicators: qujingIndicators };
  const read = readObservationsCsv(text, meta, { file: FILE });
  if (!read.ok) {
    throw new TypeError(
      `loadQujingObservations: the embedded observations do not validate (a bug in the package):\n${read.issues
        .map(formatIssue)
        .join("\n")}`,
    );
  }
  return read.value;
}
