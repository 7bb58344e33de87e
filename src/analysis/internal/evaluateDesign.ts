import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError, ArgumentTypeError } from "../../internal/errors.js";
import type {
  ParameterValues,
  SensitivityFunction,
  SensitivityParameter,
} from "../sensitivityParameter.js";

/** Whether `value` is a promise or another thenable. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** `{ a: 1, b: 0.5 }`: the values of a run as a message shows them. */
function shownValues(values: ParameterValues): string {
  const parts = Object.entries(values).map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  return `{ ${parts.join(", ")} }`;
}

/**
 * Maps rows on the unit hypercube (row-major, one column per parameter) to the parameters'
 * ranges, `min + u · (max − min)`, with `u = 1` giving `max` exactly.
 */
export function scaleToRanges(
  unit: Float64Array,
  parameters: readonly SensitivityParameter[],
): Float64Array {
  const k = parameters.length;
  const out = new Float64Array(unit.length);
  for (let i = 0; i < unit.length; i++) {
    const p = parameters[i % k]!;
    const u = unit[i]!;
    out[i] = u === 1 ? p.max : p.min + u * (p.max - p.min);
  }
  return out;
}

/**
 * Runs `model` on every row of a design (`design`, row-major, one column per parameter, in the
 * parameters' units), in design order, and returns the outputs in that order. A model that
 * returns numbers runs synchronously, row after row; one that returns promises has at most
 * `concurrency` runs pending at once. Outputs are checked: a value that is not a number is an
 * `ArgumentTypeError`, a non-finite number an `ArgumentRangeError`, both naming the run's values:
 * `fn: fn must return a finite number (got NaN at { "x1": 0.5 }, run 3 of 40)`. An error the
 * model throws (or a rejection) is passed on as it is, after the pending runs settle; with
 * several, the one of the earliest run, so that the error does not depend on timing.
 */
export async function evaluateDesign(
  fn: string,
  model: SensitivityFunction,
  parameters: readonly SensitivityParameter[],
  design: Float64Array,
  concurrency: number,
): Promise<Float64Array> {
  const k = parameters.length;
  const n = design.length / k;
  const out = new Float64Array(n);
  const valuesAt = (row: number): ParameterValues => {
    const values: Record<string, number> = {};
    for (let j = 0; j < k; j++) values[parameters[j]!.name] = design[row * k + j]!;
    return values;
  };
  const accept = (row: number, values: ParameterValues, y: unknown): void => {
    if (typeof y === "number" && Number.isFinite(y)) {
      out[row] = y;
      return;
    }
    const got = typeof y === "number" ? String(y) : describeValue(y);
    const message = `${fn}: fn must return a finite number (got ${got} at ${shownValues(values)}, run ${row + 1} of ${n})`;
    if (typeof y === "number")
      throw new ArgumentRangeError(message, { code: "out-of-range", path: "fn" });
    throw new ArgumentTypeError(message, { code: "invalid-type", path: "fn" });
  };

  let failure: { row: number; error: unknown } | undefined;
  const fail = (row: number, error: unknown): void => {
    if (failure === undefined || row < failure.row) failure = { row, error };
  };
  const pending = new Set<Promise<void>>();
  for (let row = 0; row < n && failure === undefined; row++) {
    const values = valuesAt(row);
    try {
      const y: unknown = model(values);
      if (!isThenable(y)) {
        accept(row, values, y);
        continue;
      }
      const settled: Promise<void> = Promise.resolve(y)
        .then((v) => accept(row, values, v))
        .catch((e: unknown) => fail(row, e))
        .finally(() => pending.delete(settled));
      pending.add(settled);
      if (pending.size >= concurrency) await Promise.race(pending);
    } catch (e) {
      fail(row, e);
    }
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure.error;
  return out;
}
