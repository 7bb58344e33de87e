/**
 * The command line of `npm run backtest` (scripts/backtest.ts):
 *
 *   --level prefecture|county   the units (default prefecture);
 *   --window N                  fit every model on the last N years up to the origin (default 10;
 *                               3 is the three-point case), an integer from 2 to 40;
 *   --threads N                 worker threads (default 2, or 1 on a single core);
 *   --shared DIR                the shared data folder holding `data/cn-panels/county_panel.csv`
 *                               (default `$REGIONSIM_SHARED`, else `../shared`);
 *   --no-write                  print only, leave docs/backtest.md alone.
 *
 * `--name value` and `--name=value` are both accepted; anything else is refused.
 */

/** The units of a backtest. */
export type BacktestLevel = "prefecture" | "county";

/** Parsed options of `npm run backtest`. */
export interface BacktestArgs {
  readonly level: BacktestLevel;
  readonly window: number;
  readonly threads: number;
  readonly write: boolean;
  /** The `--shared` folder as given, or undefined (then `sharedDir()` decides). */
  readonly shared: string | undefined;
}

/** The training window of today's tables. */
export const DEFAULT_WINDOW = 10;
const MAX_WINDOW = 40;
const LEVELS: readonly BacktestLevel[] = ["prefecture", "county"];
const VALUED = new Set(["--level", "--window", "--threads", "--shared"]);

const integerIn = (name: string, text: string, min: number, max: number): number => {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max} (got ${text})`);
  return n;
};

/**
 * Parses the arguments after the script's name.
 *
 * @param argv - e.g. `["--level", "county", "--window", "3"]`.
 * @param cores - available cores (the default of `--threads` is min(2, cores)).
 * @throws {Error} an unknown option, a missing or repeated value, `--level` other than
 *   prefecture or county, a window or thread count out of range:
 *   `--window must be an integer from 2 to 40 (got 1)`.
 * @example
 * parseBacktestArgs(["--level=county", "--no-write"], 2).level; // "county"
 */
export function parseBacktestArgs(argv: readonly string[], cores: number): BacktestArgs {
  const values = new Map<string, string>();
  let write = true;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k] as string;
    if (arg === "--no-write") {
      write = false;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!VALUED.has(name))
      throw new Error(
        `unknown option ${arg} (the options are --level, --window, --threads, --shared, --no-write)`,
      );
    const value = eq < 0 ? argv[++k] : arg.slice(eq + 1);
    if (value === undefined || value === "" || value.startsWith("--"))
      throw new Error(`${name} needs a value`);
    if (values.has(name)) throw new Error(`${name} is given twice`);
    values.set(name, value);
  }
  const level = values.get("--level") ?? "prefecture";
  if (!LEVELS.includes(level as BacktestLevel))
    throw new Error(`--level must be prefecture or county (got ${level})`);
  const window = values.has("--window")
    ? integerIn("--window", values.get("--window") as string, 2, MAX_WINDOW)
    : DEFAULT_WINDOW;
  const threads = values.has("--threads")
    ? integerIn("--threads", values.get("--threads") as string, 1, 64)
    : Math.max(1, Math.min(2, cores));
  return { level: level as BacktestLevel, window, threads, write, shared: values.get("--shared") };
}
