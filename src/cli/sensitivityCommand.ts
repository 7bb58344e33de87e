import type { MorrisResult } from "../analysis/morrisScreening.js";
import type { OneAtATimeResult } from "../analysis/oneAtATime.js";
import {
  type PackSensitivityParameter,
  type PackSensitivityResult,
  packSensitivity,
} from "../analysis/packSensitivity.js";
import type { SobolResult } from "../analysis/sobolIndices.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import { renderVegaLiteSvg } from "../report/renderVegaLiteSvg.js";
import { sensitivityChartSpec } from "../report/sensitivityChartSpec.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { inputError, usageError } from "./internal/cliFailure.js";
import { findPack } from "./internal/findPack.js";
import { integerOption } from "./internal/integerOption.js";
import { writeOutputFile } from "./internal/outputFile.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { loadScenario } from "./internal/scenarioOption.js";

const METHODS = ["oat", "morris", "sobol"] as const;

const SENSITIVITY_USAGE = `Usage: regionsim sensitivity --pack <id> --scenario <name|file.json> --target <id> [options]

Which assumptions of the scenario move the target's projected gap (projected − target) the most:
one at a time (a tornado), Morris screening or Sobol' indices over the ranges of the scenario's
"ranges", or by default ±3 points a year around each growth the target reads and 0 to twice each
of its shocks (docs/sensitivity.md).

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenario <s>        a named scenario of the pack (e.g. trend, plan) or a scenario .json file
  --target <id>         the target whose gap is analysed (e.g. gdp-2035-double)
  --method <m>          oat | morris | sobol (default sobol)
  --samples <n>         Sobol' base sample, a power of 2 (default 256; N (k + 2) runs),
                        Morris trajectories (default 10) or one-at-a-time steps (default 4)
  --seed <s>            seed of Morris and Sobol' (integer, default 1)
  --json                print the result as JSON
  --chart <file>        also write its chart: a tornado (oat), μ* and σ (morris) or S1 and ST
                        (sobol), as a Vega-Lite spec (.vl.json) or an SVG picture (.svg)
  -h, --help            show this help`;

/** `regionsim sensitivity`: the sensitivity of one target's gap to the scenario's assumptions. */
export const sensitivityCommand: CliCommand = {
  name: "sensitivity",
  summary: "which assumptions move a target's gap the most (tornado, Morris, Sobol')",
  usage: SENSITIVITY_USAGE,
  run: sensitivity,
};

async function sensitivity(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      target: { type: "string" },
      method: { type: "string" },
      samples: { type: "string" },
      seed: { type: "string" },
      json: { type: "boolean" },
      chart: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    SENSITIVITY_USAGE,
  );
  if (values.help === true) return printUsage(SENSITIVITY_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, SENSITIVITY_USAGE);
  for (const name of ["pack", "scenario", "target"] as const)
    if (values[name] === undefined) throw usageError(`missing --${name}`, SENSITIVITY_USAGE);
  const method = values.method ?? "sobol";
  if (!(METHODS as readonly string[]).includes(method))
    throw usageError(
      `--method must be one of ${METHODS.join(", ")}${hint(method, METHODS)} (got "${method}")`,
      SENSITIVITY_USAGE,
    );
  const samples = integerOption("samples", values.samples, 2, SENSITIVITY_USAGE, 1 << 20);
  const seed = integerOption("seed", values.seed, 0, SENSITIVITY_USAGE);
  if (method === "sobol" && samples !== undefined && !Number.isInteger(Math.log2(samples)))
    throw usageError(
      `--samples must be a power of 2 for --method sobol, e.g. 256 or 1024 (got "${values.samples}")`,
      SENSITIVITY_USAGE,
    );

  const chart = values.chart;
  if (chart !== undefined && !/\.(vl\.json|svg)$/i.test(chart))
    throw usageError(
      `--chart must name a .vl.json or .svg file (got "${chart}")`,
      SENSITIVITY_USAGE,
    );

  const pack = await findPack(values.pack as string, io, SENSITIVITY_USAGE);
  const scenario = loadScenario(values.scenario as string, pack, io, SENSITIVITY_USAGE);
  const target = values.target as string;
  const ids = pack.targets.map((t) => t.id);
  if (!ids.includes(target))
    throw usageError(
      `unknown target "${target}"${hint(target, ids)} (pack ${pack.id} has ${ids.length} targets; regionsim assess lists them)`,
      SENSITIVITY_USAGE,
    );
  let result: PackSensitivityResult;
  try {
    result = await packSensitivity(pack, scenario, target, {
      method: method as (typeof METHODS)[number],
      ...(samples === undefined ? {} : { samples }),
      ...(seed === undefined ? {} : { seed }),
    });
  } catch (error) {
    if (error instanceof ArgumentRangeError || error instanceof ArgumentTypeError)
      throw inputError(
        error.message
          .replace(/^packSensitivity: /, "")
          .replace(/^targetId must name a target the scenario evaluates: /, ""),
      );
    throw error;
  }
  io.stdout.write(values.json === true ? `${JSON.stringify(result, null, 2)}\n` : text(result));
  if (chart !== undefined) {
    const spec = sensitivityChartSpec(result);
    const content = /\.svg$/i.test(chart)
      ? await renderVegaLiteSvg(spec)
      : `${JSON.stringify(spec, null, 2)}\n`;
    await writeOutputFile(chart, content, io);
    io.stderr.write(`wrote ${chart}\n`);
  }
  return EXIT.ok;
}

/** `; did you mean "x"?` for the nearest of `allowed`, or nothing. */
function hint(value: string, allowed: readonly string[]): string {
  const candidates = allowed.map((id) => ({ id, keys: [normalizeName(id)] }));
  const [nearest] = nearestIds(normalizeName(value), candidates, 1);
  return nearest === undefined ? "" : `; did you mean "${nearest}"?`;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const num = (x: number | null, digits = 3) => (x === null ? "–" : x.toFixed(digits));

/** The range of a parameter: growth a year or a shock's size, in percent. */
function range(p: PackSensitivityParameter): string {
  return `${pct(p.min)} to ${pct(p.max)}${p.what === "growth" ? " a year" : ""}`;
}

/** Rows as aligned columns. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, j) => c.padEnd(widths[j]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** The result as text: a header, then one row per parameter. */
function text(r: PackSensitivityResult): string {
  const unit = r.output.unit;
  const byName = new Map(r.parameters.map((p) => [p.name, p]));
  const head = [
    `Sensitivity of the gap of ${r.target} (projected − target, ${unit}) under ${r.scenario}`,
    `Gap under the scenario: ${num(r.output.base, 2)} ${unit}`,
  ];
  let table: string[][];
  if (r.method === "oat") {
    const oat = r.result as OneAtATimeResult;
    head.push(`One at a time (others at the growth the scenario implies): ${oat.runs} runs`);
    table = [
      ["parameter", "range", "gap at min", "gap at max", "swing"],
      ...oat.effects.map((e) => [
        e.name,
        range(byName.get(e.name)!),
        num(e.atMin, 2),
        num(e.atMax, 2),
        num(e.swing, 2),
      ]),
    ];
  } else if (r.method === "morris") {
    const m = r.result as MorrisResult;
    head.push(
      `Morris screening: ${m.trajectories} trajectories, ${m.levels} levels, ${m.runs} runs`,
    );
    table = [
      ["parameter", "range", "mu*", "mu", "sigma"],
      ...m.effects.map((e) => [
        e.name,
        range(byName.get(e.name)!),
        num(e.muStar, 2),
        num(e.mu, 2),
        num(e.sigma, 2),
      ]),
    ];
  } else {
    const s = r.result as SobolResult;
    head.push(`Sobol' indices: N = ${s.samples}, ${s.runs} runs (± the 95% interval)`);
    table = [
      ["parameter", "range", "S1", "ST"],
      ...s.indices.map((i) => [
        i.name,
        range(byName.get(i.name)!),
        `${num(i.s1)} ± ${num(i.s1Conf)}`,
        `${num(i.st)} ± ${num(i.stConf)}`,
      ]),
    ];
  }
  return `${head.join("\n")}\n\n${columns(table)}\n`;
}
