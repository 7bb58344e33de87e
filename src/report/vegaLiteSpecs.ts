import { checkObject, checkOptions } from "../internal/checkArgs.js";
import { ArgumentTypeError } from "../internal/errors.js";
import { assertAssessment } from "../schemas/assertAssessment.js";
import type { Assessment } from "../schemas/assessment.js";
import { checkPack } from "../schemas/checkPack.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { SimulationResult } from "../simulation/simulationResult.js";
import type { ChartInputs } from "./internal/chartData.js";
import { convergenceChartSpec } from "./internal/convergenceChartSpec.js";
import { fanChartSpec, hasFanChart } from "./internal/fanChartSpec.js";
import { disparitySpec, placeMultiplesSpec, shareSpec } from "./internal/placeChartSpecs.js";
import type { VegaLiteSpec } from "./vegaLiteSpec.js";

/** Options of {@link vegaLiteSpecs} (and of `renderHtmlReport`). */
export interface ChartOptions {
  /**
   * The pack the assessment was made from: its observations give the charts their history, its
   * series breaks are marked, its names label the places, its targets give a growth target's
   * threshold and a share target's whole. Without it the history is each row's latest value.
   */
  readonly pack?: RegionPack;
  /** A Monte Carlo run of the same scenario (`simulate`, `simulatePack`): its quantiles make the bands. */
  readonly simulation?: SimulationResult;
}

/** The checked inputs of the chart builders. */
export function chartInputs(
  fn: string,
  assessment: Assessment,
  options: unknown,
  otherOptions: readonly string[] = [],
): ChartInputs {
  assertAssessment(fn, assessment);
  if (Array.isArray(assessment))
    throw new ArgumentTypeError(`${fn}: assessment must be one assessment (got a list)`, {
      code: "invalid-type",
      path: "assessment",
    });
  const o = checkOptions(fn, "options", options, ["pack", "simulation", ...otherOptions]);
  const pack = o.pack === undefined ? undefined : checkPack(fn, o.pack, "options.pack");
  let simulation: SimulationResult | undefined;
  if (o.simulation !== undefined) {
    const s = checkObject(fn, "options.simulation", o.simulation, "a simulation result");
    if (!Array.isArray(s.series) || !Array.isArray(s.quantiles))
      checkObject(
        fn,
        "options.simulation",
        null,
        "a simulation result (with series and quantiles)",
      );
    simulation = o.simulation as SimulationResult;
  }
  return { assessment, pack, simulation };
}

/**
 * The Vega-Lite 5 specification of every chart of an assessment's report, by file name:
 * `fan-<target id>.vl.json` per level or growth target that the assessment judged (any status
 * but `insufficient-data`) with a year and a projection (observed history — for a target at
 * constant prices the real series derived from the pack's observations, see `derivePriceSeries`
 * —, projection, band, target and year, series breaks), `share-<target id>.vl.json` per share
 * target (the part's share of the whole over time), `places-<indicator>.vl.json` per
 * place-table indicator (small multiples of the places), `disparity-<indicator>.vl.json` per
 * disparity indicator (Gini, Theil T, weighted CV by year) and, when the pack has a central-city
 * group, `convergence-<indicator>.vl.json` for a level indicator (Theil's T split between the
 * centre and the rest and within them, by year: σ-convergence, see `sigmaConvergence`). Projected lines start at the last
 * observed point, so observed and projected join; indicators and places are named as the pack
 * names them, Chinese and English; numbers are written as in the reports. Each is standalone:
 * plain JSON with inline data and `$schema` as a string, displayable in a notebook through the
 * `application/vnd.vegalite.v5+json` MIME type (see docs/charts.md). Bands are the simulated
 * 50/80/95% ones when `options.simulation` (or the assessment's own simulated quantiles) gives
 * them, else the model's prediction interval. Fan charts follow Britton, Fisher and Whitley
 * (1998), "The Inflation Report projections: understanding the fan chart", Bank of England
 * Quarterly Bulletin 38(1).
 *
 * @param assessment - one {@link Assessment} (`assessPack`).
 * @param options - `pack` (history, breaks, names) and `simulation` (bands).
 * @returns a new object of specs; building it touches neither disk nor network.
 * @throws {ArgumentTypeError} `vegaLiteSpecs: the assessment does not match AssessmentSchema (…)`,
 *   `vegaLiteSpecs: options.pak is not an option; did you mean pack? (…)`,
 *   `vegaLiteSpecs: options.pack is not a valid region pack (…)`,
 *   `vegaLiteSpecs: options.simulation must be a simulation result (got 3)`.
 * @example
 * const specs = vegaLiteSpecs(assessPack(qujingPack, "trend"), { pack: qujingPack });
 * Object.keys(specs).includes("fan-gdp-2035-double.vl.json"); // true
 * specs["places-gdp.vl.json"].$schema; // "https://vega.github.io/schema/vega-lite/v5.json"
 */
export function vegaLiteSpecs(
  assessment: Assessment,
  options: ChartOptions = {},
): Record<string, VegaLiteSpec> {
  return specsOf(chartInputs("vegaLiteSpecs", assessment, options));
}

/** The specs of checked inputs, in report order (fans, shares, places, disparity). */
export function specsOf(inputs: ChartInputs): Record<string, VegaLiteSpec> {
  const out: Record<string, VegaLiteSpec> = {};
  const { assessment } = inputs;
  for (const row of assessment.rows)
    if (hasFanChart(row, inputs)) out[`fan-${row.targetId}.vl.json`] = fanChartSpec(row, inputs);
  for (const row of assessment.rows) {
    const spec = shareSpec(row, inputs);
    if (spec !== null) out[`share-${row.targetId}.vl.json`] = spec;
  }
  for (const indicator of new Set((assessment.placeTable ?? []).map((r) => r.indicator))) {
    const spec = placeMultiplesSpec(inputs, indicator);
    if (spec !== null) out[`places-${indicator}.vl.json`] = spec;
  }
  for (const indicator of new Set((assessment.disparity ?? []).map((r) => r.indicator))) {
    const spec = disparitySpec(inputs, indicator);
    if (spec !== null) out[`disparity-${indicator}.vl.json`] = spec;
    const convergence = convergenceChartSpec(assessment, inputs.pack, indicator);
    if (convergence !== null) out[`convergence-${indicator}.vl.json`] = convergence;
  }
  return out;
}
