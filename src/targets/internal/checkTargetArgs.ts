// The argument checks of the targets/ entry points: a target, a target context, an evaluation,
// a comparator, a probability and city classes.

import {
  checkArrayOf,
  checkBoolean,
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
} from "../../internal/checkArgs.js";
import { checkSchema } from "../../internal/checkSchema.js";
import { ArgumentTypeError } from "../../internal/errors.js";
import { DatasetSchema } from "../../schemas/dataset.js";
import {
  type CityClass,
  CityClassSchema,
  type Comparator,
  ComparatorSchema,
  type Target,
  TargetSchema,
} from "../../schemas/target.js";
import type { TargetContext, TargetEvaluation } from "../targetContext.js";

/**
 * A target of the shape the targets schema gives (the caller's object is returned); checks of
 * meaning (a year after the base year) are left to the evaluators, which report them as data.
 */
export function checkTarget(fn: string, path: string, target: unknown): Target {
  checkObject(fn, path, target, "a target such as a TargetSchema value");
  checkSchema(fn, path, target, TargetSchema, { shapeOnly: true });
  return target as Target;
}

/** A number or null (`infinite` numbers allowed: a projection may overflow). */
function numberOrNull(fn: string, path: string, value: unknown): void {
  if (value !== null)
    checkNumber(fn, path, value, { infinite: true, expected: "a number or null" });
}

/**
 * A target context: `plan` with integer base and end years, `dataset` as the dataset schema
 * validates it, `projection` with its series (scope, indicator, years and values).
 */
export function checkTargetContext(fn: string, path: string, context: unknown): TargetContext {
  const c = checkObject(fn, path, context, "a target context { projection, dataset, plan }");
  const plan = checkObject(fn, `${path}.plan`, c.plan, "an object { baseYear, endYear }");
  checkNumber(fn, `${path}.plan.baseYear`, plan.baseYear, { integer: true });
  checkNumber(fn, `${path}.plan.endYear`, plan.endYear, { integer: true });
  checkObject(
    fn,
    `${path}.dataset`,
    c.dataset,
    "a dataset { places, groups, indicators, observations }",
  );
  checkSchema(fn, `${path}.dataset`, c.dataset, DatasetSchema);
  const p = checkObject(
    fn,
    `${path}.projection`,
    c.projection,
    "a scenario projection as projectScenario returns it",
  );
  const number = (at: string, v: unknown) => checkNumber(fn, at, v, { infinite: true });
  checkArrayOf(
    fn,
    `${path}.projection.series`,
    p.series,
    (at, s) => {
      const series = checkObject(
        fn,
        at,
        s,
        "a projected series { scope, indicator, years, values }",
      );
      checkString(fn, `${at}.scope`, series.scope);
      checkString(fn, `${at}.indicator`, series.indicator);
      checkArrayOf(fn, `${at}.years`, series.years, number, "an array of years");
      checkArrayOf(fn, `${at}.values`, series.values, number, "an array of numbers");
      checkArrayOf(
        fn,
        `${at}.observed`,
        series.observed,
        (o, v) => checkObject(fn, o, v),
        "an array of observed points",
      );
      return s;
    },
    "an array of projected series",
  );
  checkArrayOf(
    fn,
    `${path}.projection.references`,
    p.references,
    (at, r) => checkObject(fn, at, r),
    "an array of reference projections",
  );
  return context as TargetContext;
}

/**
 * Runs an evaluation of checked arguments; a `TypeError` from inside (a projection built by hand
 * that lacks a part the evaluator reads) becomes an {@link ArgumentTypeError} naming `path`.
 */
export function guardEvaluation<T>(fn: string, path: string, expected: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof TypeError) || error instanceof ArgumentTypeError) throw error;
    throw new ArgumentTypeError(
      `${fn}: ${path} must be ${expected} (reading it failed: ${error.message})`,
      {
        code: "invalid-type",
        path,
      },
    );
  }
}

/** What {@link classifyStatus} reads of an evaluation, its comparator and its probability. */
export function checkClassifyArgs(
  evaluation: unknown,
  comparator: unknown,
  probability: unknown,
): { evaluation: TargetEvaluation; comparator: Comparator; probability: number | null } {
  const fn = "classifyStatus";
  const e = checkObject(
    fn,
    "evaluation",
    evaluation,
    "a target evaluation as evaluateTarget returns it",
  );
  if (e.met !== null) checkBoolean(fn, "evaluation.met", e.met);
  checkBoolean(fn, "evaluation.achieved", e.achieved);
  checkBoolean(fn, "evaluation.final", e.final);
  numberOrNull(fn, "evaluation.requiredGrowth", e.requiredGrowth);
  numberOrNull(fn, "evaluation.impliedGrowth", e.impliedGrowth);
  if (e.gap !== null) {
    const gap = checkObject(
      fn,
      "evaluation.gap",
      e.gap,
      "an object { absolute, relative } or null",
    );
    numberOrNull(fn, "evaluation.gap.relative", gap.relative);
  }
  const c = checkOneOf(fn, "comparator", comparator, ComparatorSchema.options);
  const p =
    probability === null
      ? null
      : checkNumber(fn, "probability", probability, {
          min: 0,
          max: 1,
          expected: "a probability from 0 to 1, or null without a simulation",
        });
  return { evaluation: evaluation as TargetEvaluation, comparator: c, probability: p };
}

/** A city class, e.g. `"large"`, with did-you-mean for a misspelt one. */
export function checkCityClass(fn: string, path: string, value: unknown): CityClass {
  return checkOneOf(fn, path, value, CityClassSchema.options);
}
