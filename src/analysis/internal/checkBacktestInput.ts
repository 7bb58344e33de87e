import { isModelKind, modelDeclarations } from "../../models/modelRegistry.js";
import type {
  BacktestOptions,
  BacktestSeries,
  BacktestSpec,
  VerdictTargets,
} from "../backtestOptions.js";

const show = (value: unknown): string =>
  Array.isArray(value) ? `[${value.join(", ")}]` : String(value);

/**
 * Checks the options of `backtest` (origins, horizon, level, verdict rates, trainingYears).
 *
 * @throws {RangeError} with the messages listed on `backtest`.
 */
export function checkBacktestOptions(
  options: BacktestOptions,
  level: number,
  verdict: VerdictTargets,
): void {
  const { origins, horizon, trainingYears } = options;
  if (
    !Array.isArray(origins) ||
    origins.length === 0 ||
    !origins.every(Number.isInteger) ||
    new Set(origins).size !== origins.length
  )
    throw new RangeError(
      `backtest: origins must be a non-empty list of distinct integer years (got ${show(origins)})`,
    );
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(`backtest: horizon must be a positive integer (got ${horizon})`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`backtest: level must be in (0, 1) (got ${level})`);
  if (
    (verdict.form !== "growth" && verdict.form !== "change") ||
    !verdict.rates.every((r) => Number.isFinite(r) && (verdict.form === "change" || r > -1))
  )
    throw new RangeError(
      `backtest: verdict rates must be finite, and above -1 for growth (got ${verdict.form} ${show(verdict.rates)})`,
    );
  if (trainingYears !== undefined && !(Number.isInteger(trainingYears) && trainingYears >= 1))
    throw new RangeError(
      `backtest: trainingYears must be a positive integer (got ${trainingYears})`,
    );
}

/**
 * Checks that every spec names a known model kind and passes its schema.
 *
 * @throws {TypeError} with the messages listed on `backtest`.
 */
export function checkBacktestSpecs(specs: readonly BacktestSpec[]): void {
  if (specs.length === 0) throw new TypeError("backtest: specs must be a non-empty list (got 0)");
  for (const spec of specs) {
    const definition = isModelKind(spec.kind) ? modelDeclarations[spec.kind] : undefined;
    if (definition === undefined)
      throw new TypeError(`backtest: unknown model kind "${spec.kind}"`);
    const parsed = definition.schema.safeParse(spec);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new TypeError(
        `backtest: invalid spec for "${spec.kind}": ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`.trim(),
      );
    }
  }
}

/**
 * Checks that series ids are unique and every series keeps the `Series` contract.
 *
 * @throws {RangeError} with the messages listed on `backtest`.
 */
export function checkBacktestSeries(series: readonly BacktestSeries[]): void {
  const ids = new Set<string>();
  for (const s of series) {
    if (ids.has(s.id))
      throw new RangeError(`backtest: series ids must be unique (got "${s.id}" twice)`);
    ids.add(s.id);
    const fail = (what: string) => new RangeError(`backtest: series "${s.id}": ${what}`);
    if (s.years.length !== s.values.length)
      throw fail(
        `years and values differ in length (${s.years.length} years, ${s.values.length} values)`,
      );
    s.years.forEach((year, i) => {
      if (!Number.isInteger(year) || (i > 0 && year <= (s.years[i - 1] as number)))
        throw fail(`years must be strictly increasing integers (${year} at index ${i})`);
      const value = s.values[i] as number;
      if (!Number.isFinite(value)) throw fail(`value at year ${year} is not finite (${value})`);
    });
    for (const b of s.breaks ?? [])
      if (!Number.isInteger(b)) throw fail(`breaks must be integer years (got ${b})`);
  }
}
