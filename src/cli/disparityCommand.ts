import { convergence } from "../analysis/convergence.js";
import type { ConvergenceControl, ConvergenceOptions } from "../analysis/convergenceOptions.js";
import { ArgumentRangeError, ArgumentTypeError } from "../internal/errors.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { usageError } from "./internal/cliFailure.js";
import { formatConvergenceText } from "./internal/convergenceText.js";
import { findPack } from "./internal/findPack.js";
import { integerOption } from "./internal/integerOption.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";
import { loadScenario } from "./internal/scenarioOption.js";

const DISPARITY_USAGE = `Usage: regionsim disparity --pack <id> --scenario <name|file.json> [options]

Convergence of a per-capita indicator across the pack's places under the scenario: the
dispersion by year (CV, Williamson's weighted CV, Theil T split between the centre and the rest),
observed and projected, with series breaks and trends (σ-convergence), and the regression of
growth on the initial level (β-convergence). See docs/convergence.md.

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenario <s>        a named scenario of the pack (e.g. trend, plan, downside) or a
                        scenario file (.json), which may extend a named scenario
  --indicator <id>      the per-capita indicator (default gdp_per_capita)
  --centre <id>         the centre of the Theil split: a group or a place (default central-city)
  --through <year>      project the dispersion through this year (default the plan's last year)
  --window <from-to>    the years of the β regression, e.g. 2000-2018 (default the longest
                        window without a series break)
  --control <c,…>       controls of a conditional β regression, observed in the window's first
                        year: indicator ids, a/b for a ratio (fixed_asset_investment/gdp)
  --json                print the result as one JSON object instead of the tables
  -h, --help            show this help`;

/**
 * `regionsim disparity`: σ- and β-convergence of a per-capita indicator across a pack's places
 * under a scenario (see `convergence`), printed as tables or, with `--json`, as the result
 * object. See docs/cli.md.
 */
export const disparityCommand: CliCommand = {
  name: "disparity",
  summary: "σ- and β-convergence of per-capita GDP across the places under a scenario",
  usage: DISPARITY_USAGE,
  run: disparity,
};

/** The command-line option each option of `convergence` comes from. */
const FLAG_OF: Readonly<Record<string, string>> = {
  "options.indicator": "--indicator",
  "options.centre": "--centre",
  "options.through": "--through",
  "options.window": "--window",
  "options.controls": "--control",
};

async function disparity(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      indicator: { type: "string" },
      centre: { type: "string" },
      through: { type: "string" },
      window: { type: "string" },
      control: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    DISPARITY_USAGE,
  );
  if (values.help === true) return printUsage(DISPARITY_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, DISPARITY_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", DISPARITY_USAGE);
  if (values.scenario === undefined) throw usageError("missing --scenario", DISPARITY_USAGE);
  const through = integerOption("through", values.through, 1900, DISPARITY_USAGE, 2100);
  const options: ConvergenceOptions = {
    ...(values.indicator === undefined ? {} : { indicator: values.indicator }),
    ...(values.centre === undefined ? {} : { centre: values.centre }),
    ...(through === undefined ? {} : { through }),
    ...(values.window === undefined ? {} : { window: windowOption(values.window) }),
    ...(values.control === undefined ? {} : { controls: controlOption(values.control) }),
  };
  const pack = await findPack(values.pack, io, DISPARITY_USAGE);
  const scenario = loadScenario(values.scenario, pack, io, DISPARITY_USAGE);
  let result: ReturnType<typeof convergence>;
  try {
    result = convergence(pack, scenario, options);
  } catch (error) {
    throw asUsageError(error);
  }
  if (values.json === true) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(formatConvergenceText(result));
  return EXIT.ok;
}

/** `2000-2018` (or `2000:2018`, `2000–2018`) as `[2000, 2018]`. */
function windowOption(text: string): readonly [number, number] {
  const m = /^\s*(\d{4})\s*[-–:]\s*(\d{4})\s*$/.exec(text);
  if (m === null || !(Number(m[1]) < Number(m[2])))
    throw usageError(
      `--window must be two years from-to, the first before the second (got "${text}")`,
      DISPARITY_USAGE,
    );
  return [Number(m[1]), Number(m[2])];
}

/** `a,b/c` as controls `{ indicator: a }`, `{ indicator: b, per: c }`. */
function controlOption(text: string): ConvergenceControl[] {
  const items = text.split(",").map((s) => s.trim());
  return items.map((item) => {
    const [indicator, per, extra] = item.split("/").map((s) => s.trim());
    if (indicator === undefined || indicator === "" || per === "" || extra !== undefined)
      throw usageError(
        `--control must list indicator ids, a/b for a ratio, separated by commas (got "${text}")`,
        DISPARITY_USAGE,
      );
    return per === undefined ? { indicator } : { indicator, per };
  });
}

/**
 * A library argument error about one of the options as a usage error naming the command-line
 * option (`--indicator must be an indicator places are compared on …`); anything else as is.
 */
function asUsageError(error: unknown): unknown {
  if (!(error instanceof ArgumentRangeError || error instanceof ArgumentTypeError)) return error;
  const key = Object.keys(FLAG_OF).find((k) => error.path === k || error.path.startsWith(`${k}[`));
  if (key === undefined) return error;
  const message = error.message
    .replace(/^convergence: /, "")
    .replace(/options\.controls\[\d+\]\.(indicator|per)/, "--control")
    .replace(key, FLAG_OF[key] as string);
  return usageError(message, DISPARITY_USAGE);
}
