// The run record that ends a report: what made it, from what data, when.

import { hashString } from "../../internal/hashString.js";
import { LIBRARY_VERSION } from "../../internal/libraryVersion.js";
import type { Assessment } from "../../schemas/assessment.js";
import type { RegionPack } from "../../schemas/regionPack.js";

/** The run of one scenario in a {@link ReportRunRecord}. */
export interface ReportRunScenario {
  readonly scenario: string;
  readonly scenarioName: string;
  /** The assessment's `asOf`: latest year with any observation used. */
  readonly asOf: number;
  /** The Monte Carlo run the probabilities come from; null when not simulated. */
  readonly simulation: {
    readonly paths: number;
    readonly seed: number;
    readonly baseYear: number;
  } | null;
}

/**
 * What a report records about how it was made: the library and its version, the pack and a
 * fingerprint of its data, each scenario with its simulation (paths and seed), and the date.
 */
export interface ReportRunRecord {
  readonly library: "regionsim";
  readonly version: string;
  readonly pack: string;
  /**
   * 28 hex digits identifying the pack's content (data, targets, scenarios, sources): two 53-bit
   * cyrb53 hashes of the JSON of the pack as validated (defaults filled in, so a pack file that
   * omits a default list has the fingerprint of one that spells it out); null when the pack was
   * not given to the report.
   */
  readonly dataFingerprint: string | null;
  readonly scenarios: readonly ReportRunScenario[];
  /** When the report was made: the date given (`options.date`) or the time of rendering, ISO 8601. */
  readonly date: string;
  readonly format: string;
  readonly layout: string;
}

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
