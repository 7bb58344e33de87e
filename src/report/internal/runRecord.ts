// The run record that ends a report: what made it, from what data, when.

import { hashString } from "../../internal/hashString.js";
import { LIBRARY_VERSION } from "../../internal/libraryVersion.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ReportRunRecord } from "../reportFormatDefinition.js";

/**
 * The fingerprint of a pack's content (see {@link ReportRunRecord.dataFingerprint}): the same
 * for the same pack, and, but for an accidental collision of both 53-bit hashes (cyrb53, bryc,
 * public domain), different for any change to it. Not a cryptographic hash: it tells versions of
 * the data apart, it does not protect them.
 */
export function packFingerprint(pack: RegionPack): string {
  // `pack` is validated (checkPack): its keys come in the schema's order.
  const text = JSON.stringify(pack);
  return `${hashString(text, 1).toString(16).padStart(14, "0")}${hashString(text, 2).toString(16).padStart(14, "0")}`;
}

/** The run record of a report of `list` (one assessment per scenario). */
export function runRecord(
  list: readonly Assessment[],
  context: {
    readonly pack: RegionPack | undefined;
    readonly date: string;
    readonly format: string;
    readonly layout: string;
  },
): ReportRunRecord {
  return {
    library: "regionsim",
    version: LIBRARY_VERSION,
    pack: list[0]?.pack ?? context.pack?.id ?? "",
    dataFingerprint: context.pack === undefined ? null : packFingerprint(context.pack),
    scenarios: list.map((a) => ({
      scenario: a.scenario,
      scenarioName: a.scenarioName,
      asOf: a.asOf,
      simulation:
        a.simulation === undefined
          ? null
          : { paths: a.simulation.paths, seed: a.simulation.seed, baseYear: a.simulation.baseYear },
    })),
    date: context.date,
    format: context.format,
    layout: context.layout,
  };
}
