import type { MorrisResult } from "../analysis/morrisScreening.js";
import type { OneAtATimeResult } from "../analysis/oneAtATime.js";
import type { PackSensitivityResult } from "../analysis/packSensitivity.js";
import type { SobolResult } from "../analysis/sobolIndices.js";
import { checkObject } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import { VEGA_LITE_SCHEMA, type VegaLiteDatum, type VegaLiteSpec } from "./vegaLiteSpec.js";

/** The chart of one sensitivity method, from the method's result. */
type MethodChart<R> = (result: R, heading: ChartHeading) => VegaLiteSpec;

interface ChartHeading {
  readonly target: string;
  readonly scenario: string;
  readonly unit: string;
}

const BAR_HEIGHT = 22;

/**
 * One at a time: a tornado — per assumption, a bar from the gap at its range's low end to the gap
 * at its high end, the widest on top, with the base run's gap as a rule (Eschenbach 1992,
 * "Spiderplots versus tornado diagrams for sensitivity analysis", Interfaces 22(6)).
 */
const tornado: MethodChart<OneAtATimeResult> = (result, h) => {
  const effects = [...result.effects].sort((a, b) => b.swing - a.swing);
  const values: VegaLiteDatum[] = effects.map((e) => ({
    name: e.name,
    low: e.low,
    high: e.high,
    atMin: e.atMin,
    atMax: e.atMax,
    swing: e.swing,
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: ["目标差距的敏感性（逐一变动）", `Tornado: the gap of ${h.target} under ${h.scenario}`],
      subtitle: [
        `each assumption over its range, the others at the scenario's values; gap in ${h.unit}`,
      ],
    },
    description: `Tornado chart of the gap of ${h.target}: for each assumption, the gap at the low and high ends of its range, widest first, with the base run's gap as a rule.`,
    data: { values },
    width: 420,
    height: BAR_HEIGHT * values.length,
    layer: [
      {
        mark: { type: "bar", color: "#4c78a8" },
        encoding: {
          y: { field: "name", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
          x: {
            field: "low",
            type: "quantitative",
            title: `gap 差距 (${h.unit})`,
            scale: { zero: false },
          },
          x2: { field: "high" },
          tooltip: [
            { field: "name", type: "nominal" },
            { field: "atMin", type: "quantitative", format: ",.4~g" },
            { field: "atMax", type: "quantitative", format: ",.4~g" },
          ],
        },
      },
      {
        mark: { type: "rule", color: "#c0392b", strokeDash: [4, 3] },
        encoding: { x: { datum: result.baseOutput, type: "quantitative" } },
      },
    ],
  };
};

/** Morris: μ* (the ranking) as bars and σ (interactions, non-linearity) as points beside them. */
const morris: MethodChart<MorrisResult> = (result, h) => {
  const effects = [...result.effects].sort((a, b) => b.muStar - a.muStar);
  const values: VegaLiteDatum[] = effects.flatMap((e) => [
    { name: e.name, measure: "μ* mean |effect|", value: e.muStar },
    { name: e.name, measure: "σ spread of effects", value: e.sigma },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [
        "目标差距的敏感性（Morris 筛选）",
        `Morris screening of the gap of ${h.target} under ${h.scenario}`,
      ],
      subtitle: [
        `${result.trajectories} trajectories, ${result.runs} runs; effects in ${h.unit} over each range`,
      ],
    },
    description: `Morris elementary effects of each assumption on the gap of ${h.target}: μ* (mean absolute effect) ranks them, σ shows interaction or non-linearity.`,
    data: { values },
    width: 420,
    height: BAR_HEIGHT * effects.length * 2,
    mark: { type: "bar" },
    encoding: {
      y: { field: "name", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
      yOffset: { field: "measure", type: "nominal" },
      x: { field: "value", type: "quantitative", title: `effect (${h.unit})` },
      color: { field: "measure", type: "nominal", title: null },
    },
  };
};

/** Sobol': first-order and total indices with their confidence intervals. */
const sobol: MethodChart<SobolResult> = (result, h) => {
  const indices = [...result.indices].sort((a, b) => (b.st ?? 0) - (a.st ?? 0));
  const values: VegaLiteDatum[] = indices.flatMap((i) => [
    {
      name: i.name,
      index: "S1 first-order",
      value: i.s1,
      lo: lo(i.s1, i.s1Conf),
      hi: hi(i.s1, i.s1Conf),
    },
    {
      name: i.name,
      index: "ST total",
      value: i.st,
      lo: lo(i.st, i.stConf),
      hi: hi(i.st, i.stConf),
    },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: [
        "目标差距的方差分解（Sobol 指数）",
        `Sobol' indices of the gap of ${h.target} under ${h.scenario}`,
      ],
      subtitle: [
        `N = ${result.samples}, ${result.runs} runs; bars: the share of the gap's variance; lines: confidence intervals`,
      ],
    },
    description: `Sobol' first-order (S1) and total (ST) indices of each assumption for the gap of ${h.target}, with bootstrap confidence intervals.`,
    data: { values },
    width: 420,
    height: BAR_HEIGHT * indices.length * 2,
    encoding: {
      y: { field: "name", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
      yOffset: { field: "index", type: "nominal" },
      color: { field: "index", type: "nominal", title: null },
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "value",
            type: "quantitative",
            title: "share of variance 方差占比",
            scale: { domain: [0, 1] },
          },
        },
      },
      {
        mark: { type: "rule", color: "#333" },
        encoding: { x: { field: "lo" }, x2: { field: "hi" } },
      },
    ],
  };
};

function lo(value: number | null, conf: number | null): number | null {
  return value === null || conf === null ? null : Math.max(0, value - conf);
}

function hi(value: number | null, conf: number | null): number | null {
  return value === null || conf === null ? null : Math.min(1, value + conf);
}

/** The chart of each sensitivity method, by method (one definition each). */
const CHARTS: {
  readonly oat: MethodChart<OneAtATimeResult>;
  readonly morris: MethodChart<MorrisResult>;
  readonly sobol: MethodChart<SobolResult>;
} = { oat: tornado, morris, sobol };

const FN = "sensitivityChartSpec";

/**
 * The Vega-Lite chart of a sensitivity analysis of a target's gap (`packSensitivity`): a tornado
 * for one at a time, μ* and σ for Morris, S1 and ST with their confidence intervals for Sobol';
 * assumptions ranked, the strongest on top. Standalone (data inline), for a notebook, a file
 * (`regionsim sensitivity --chart`) or `renderVegaLiteSvg`.
 *
 * @param result - what `packSensitivity` returned.
 * @returns a new spec.
 * @throws {ArgumentTypeError} `sensitivityChartSpec: result must be a packSensitivity result
 *   (got 3)`.
 * @example
 * const r = await packSensitivity(qujingPack, "trend", "central-city-gdp-share", { method: "oat" });
 * sensitivityChartSpec(r).title.text[0]; // "目标差距的敏感性（逐一变动）"
 */
export function sensitivityChartSpec(result: PackSensitivityResult): VegaLiteSpec {
  const r = checkObject(FN, "result", result, "a packSensitivity result");
  const method = r.method;
  if (
    (method !== "oat" && method !== "morris" && method !== "sobol") ||
    typeof r.result !== "object" ||
    r.result === null ||
    typeof r.output !== "object" ||
    r.output === null
  )
    throw new ArgumentTypeError(
      `${FN}: result must be a packSensitivity result (got ${describeValue(result)})`,
      { code: "invalid-type", path: "result" },
    );
  const heading = { target: result.target, scenario: result.scenario, unit: result.output.unit };
  const chart = CHARTS[method] as MethodChart<PackSensitivityResult["result"]>;
  return chart(result.result, heading);
}
