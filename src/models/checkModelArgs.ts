// The argument checks of the model functions, shared with the functions of later folders that
// take model specs, series and fit options (backtest, scenarios). Not part of the public API.

import {
  checkArrayOf,
  checkNumber,
  checkObject,
  checkOneOf,
  checkOptions,
} from "../internal/checkArgs.js";
import { checkSchema } from "../internal/checkSchema.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { type ModelSpec, modelDeclarations } from "./modelRegistry.js";
import { MAX_PROJECTION_YEARS } from "./projectModel.js";
import type { FitOptions, Series } from "./types.js";

const MODEL_KINDS = Object.keys(modelDeclarations) as ModelSpec["kind"][];
const SCALES = ["log", "logit", "linear"] as const;
const INDICATOR_KINDS = ["level", "rate", "count"] as const;

/**
 * A model spec: an object whose `kind` is a model kind (did-you-mean for a misspelt one) and
 * that passes that kind's schema; for `auto`, each candidate too (at `path.candidates[i]`).
 * Returns the spec as the schema parses it (defaults filled in).
 */
export function checkSpec(fn: string, path: string, spec: unknown): ModelSpec {
  const s = checkObject(fn, path, spec, 'a model spec such as { kind: "drift" }');
  const kind = checkOneOf(fn, `${path}.kind`, s.kind, MODEL_KINDS);
  const parsed = checkSchema<ModelSpec>(fn, path, spec, modelDeclarations[kind].schema);
  if (parsed.kind === "auto") checkNested(fn, `${path}.candidates`, parsed.candidates ?? []);
  if (parsed.kind === "combination") checkNested(fn, `${path}.members`, parsed.members);
  return parsed;
}

/** The specs nested in a spec (auto's candidates, a combination's members): kinds or specs. */
function checkNested(fn: string, path: string, list: readonly unknown[]): void {
  for (const [i, c] of list.entries()) {
    const at = `${path}[${i}]`;
    if (typeof c === "string") checkOneOf(fn, at, c, MODEL_KINDS);
    else checkSpec(fn, at, c);
  }
}

/**
 * An annual series: `years` strictly increasing integers, at least one (unless `allowEmpty`), `values` finite numbers
 * of the same length, `breaks` (optional) integer years.
 */
export function checkSeries(
  fn: string,
  path: string,
  series: unknown,
  rule: { readonly allowEmpty?: boolean } = {},
): Series {
  const s = checkObject(fn, path, series, "a series { years, values }");
  const integer = (at: string, v: unknown) => checkNumber(fn, at, v, { integer: true });
  const finite = (at: string, v: unknown) => checkNumber(fn, at, v);
  const years = checkArrayOf(fn, `${path}.years`, s.years, integer, "an array of integer years");
  const values = checkArrayOf(fn, `${path}.values`, s.values, finite, "an array of numbers");
  if (s.breaks !== undefined)
    checkArrayOf(fn, `${path}.breaks`, s.breaks, integer, "an array of integer years");
  if (years.length === 0 && rule.allowEmpty !== true)
    throw new ArgumentRangeError(
      `${fn}: ${path}.years must be a non-empty array of integer years (got an empty array)`,
      { code: "out-of-range", path: `${path}.years` },
    );
  for (let i = 1; i < years.length; i++) {
    const [before, year] = [years[i - 1] as number, years[i] as number];
    if (year <= before)
      throw new ArgumentRangeError(
        `${fn}: ${path}.years[${i}] must be a year after ${before}, years strictly increasing (got ${year})`,
        { code: "out-of-range", path: `${path}.years[${i}]` },
      );
  }
  if (values.length !== years.length)
    throw new ArgumentRangeError(
      `${fn}: ${path}.values must have one value per year, ${years.length} (got ${values.length} values)`,
      { code: "out-of-range", path: `${path}.values` },
    );
  return series as Series;
}

/**
 * The options of a fit: `scale`, `kind` (an indicator kind) and `bounds` (lower < upper); with
 * `rule.panel`, a `panel` key too (its value is checked where it is resolved, `resolvePanel`).
 */
export function checkFitOptions(
  fn: string,
  path: string,
  options: unknown,
  rule: { readonly panel?: boolean } = {},
): FitOptions {
  const keys = ["scale", "kind", "bounds", ...(rule.panel === true ? ["panel"] : [])];
  const o = checkOptions(fn, path, options, keys);
  if (o.scale !== undefined) checkOneOf(fn, `${path}.scale`, o.scale, SCALES);
  if (o.kind !== undefined) checkOneOf(fn, `${path}.kind`, o.kind, INDICATOR_KINDS);
  if (o.bounds !== undefined) {
    const at = `${path}.bounds`;
    const expected = "a pair [lower, upper] of finite numbers, lower < upper";
    const bounds = checkArrayOf(fn, at, o.bounds, (p, v) => checkNumber(fn, p, v), expected);
    const [lower, upper] = bounds;
    if (bounds.length !== 2 || !((lower as number) < (upper as number)))
      throw new ArgumentRangeError(
        `${fn}: ${at} must be ${expected} (got [${bounds.join(", ")}])`,
        {
          code: "out-of-range",
          path: at,
        },
      );
  }
  return o as FitOptions;
}

/** A horizon in years: a positive integer up to {@link MAX_PROJECTION_YEARS}. */
export function checkHorizon(fn: string, path: string, horizon: unknown): number {
  return checkNumber(fn, path, horizon, { integer: true, min: 1, max: MAX_PROJECTION_YEARS });
}
