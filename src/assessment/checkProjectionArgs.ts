// The entry checks of the assessment's building blocks (assessTargets, buildTargetContext,
// assessDisparity, mergeObservations, collectReadiness): each argument is checked against its
// schema, or for a projection its shape, so that a wrong value is the library's argument error
// naming the parameter, never a TypeError from inside.

import * as z from "zod";
import { checkArrayOf, checkNumber, checkObject } from "../internal/checkArgs.js";
import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import type { ScenarioProjection } from "../scenarios/projectScenario.js";
import { type AssessmentRow, AssessmentRowSchema } from "../schemas/assessment.js";
import { type Dataset, DatasetSchema } from "../schemas/dataset.js";
import { type Observation, ObservationSchema } from "../schemas/observation.js";
import { isChecked, markChecked, schemaError } from "./checkAssessArgs.js";

/** A dataset checked against `DatasetSchema` (the parsed copy, omitted lists filled). */
export function checkDataset(fn: string, path: string, dataset: unknown): Dataset {
  const o = checkObject(fn, path, dataset, "a dataset");
  if (isChecked(o)) return o as Dataset;
  const parsed = DatasetSchema.safeParse(dataset);
  if (!parsed.success) schemaError(fn, path, "a dataset", parsed.error.issues);
  return markChecked(parsed.data);
}

const ObservationListSchema = z.array(ObservationSchema);

/** A list of observations checked against `ObservationSchema`. */
export function checkObservations(fn: string, path: string, value: unknown): Observation[] {
  checkArrayOf(fn, path, value, (_, v) => v, "an array of observations");
  const parsed = ObservationListSchema.safeParse(value);
  if (!parsed.success) schemaError(fn, path, "an array of observations", parsed.error.issues);
  return parsed.data;
}

const RowListSchema = z.array(AssessmentRowSchema);

/** Assessment rows checked against `AssessmentRowSchema`. */
export function checkRows(fn: string, path: string, value: unknown): AssessmentRow[] {
  checkArrayOf(fn, path, value, (_, v) => v, "an array of assessment rows");
  const parsed = RowListSchema.safeParse(value);
  if (!parsed.success) schemaError(fn, path, "an array of assessment rows", parsed.error.issues);
  return parsed.data;
}

const PROJECTION = "a scenario projection (see projectScenario)";

/**
 * A projection as `projectScenario` returns it, checked for its shape: its scenario (with an id
 * and `toYear`), `asOf`, and lists of series (each with scope, indicator and observed points),
 * references, discrepancies and issues.
 */
export function checkProjection(fn: string, path: string, value: unknown): ScenarioProjection {
  const p = checkObject(fn, path, value, PROJECTION);
  const scenario = checkObject(fn, `${path}.scenario`, p.scenario, "a resolved scenario");
  if (typeof scenario.id !== "string")
    shapeError(fn, `${path}.scenario.id`, scenario.id, "a scenario id");
  checkNumber(fn, `${path}.scenario.toYear`, scenario.toYear, { integer: true });
  checkNumber(fn, `${path}.asOf`, p.asOf, { integer: true });
  for (const key of ["references", "discrepancies", "issues"])
    checkArrayOf(fn, `${path}.${key}`, p[key], (_, v) => v);
  checkArrayOf(fn, `${path}.series`, p.series, (at, s) => {
    const series = checkObject(fn, at, s, "a projected series");
    for (const key of ["scope", "indicator", "basis"])
      if (typeof series[key] !== "string") shapeError(fn, `${at}.${key}`, series[key], "a string");
    for (const key of ["observed", "unused", "years", "values"])
      checkArrayOf(fn, `${at}.${key}`, series[key], (_, v) => v);
    return series;
  });
  return value as ScenarioProjection;
}

/** A function argument (a callback). */
export function checkFunction<F>(fn: string, path: string, value: unknown): F {
  if (typeof value !== "function") shapeError(fn, path, value, "a function");
  return value as F;
}

function shapeError(fn: string, path: string, value: unknown, expected: string): never {
  throw new ArgumentTypeError(`${fn}: ${path} must be ${expected} (got ${describeValue(value)})`, {
    code: value === undefined ? "missing-argument" : "invalid-type",
    path,
  });
}
