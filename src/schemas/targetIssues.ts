import { shownValue } from "../internal/shownValue.js";
import { type Indicator, indicatorBounds } from "./indicator.js";
import type { Issue } from "./issue.js";
import type { Target } from "./target.js";
import { convertUnit, quantityName, unitEntry, unitFactor } from "./units.js";

/** An issue of one target, at a path inside it (`["unit"]`, `["denominator", "indicator"]`). */
export interface TargetIssue {
  readonly path: readonly (string | number)[];
  readonly issue: Issue;
}

function error(
  path: readonly (string | number)[],
  code: string,
  message: string,
  expected: string,
  received: unknown,
): TargetIssue {
  return {
    path,
    issue: { severity: "error", code, message, expected, received: shownValue(received) },
  };
}

/** Whether `value` lies in [lo, hi]; a bound is shown as in observation issues. */
function describeBounds(lo: number, hi: number): string {
  if (hi === Number.POSITIVE_INFINITY) return `at least ${lo}`;
  if (lo === Number.NEGATIVE_INFINITY) return `at most ${hi}`;
  return `from ${lo} to ${hi}`;
}

/** A level's or count's unit against its indicator's: the same unit, however written. */
function sameUnitIssues(target: Target, indicator: Indicator): TargetIssue[] {
  const factor = unitFactor(target.unit, indicator.unit);
  if (factor === 1) return [];
  const expected = JSON.stringify(indicator.unit);
  if (factor === undefined) {
    const known = unitEntry(indicator.unit);
    const what = known === undefined ? "" : ` (${quantityName(known.quantity)})`;
    return [
      error(
        ["unit"],
        "unit-mismatch",
        `not a unit of what the indicator ${indicator.id} measures${what}`,
        `${expected} or the same unit written otherwise`,
        target.unit,
      ),
    ];
  }
  // Compatible on another scale: targets are compared with observations unconverted.
  const converted = convertUnit(target.value, target.unit, indicator.unit);
  return [
    error(
      ["unit"],
      "unit-scale",
      `another scale than the unit of ${indicator.id}; write the value in its unit (${target.value} ${target.unit} is ${converted} ${indicator.unit})`,
      expected,
      target.unit,
    ),
  ];
}

/** A share's numerator and denominator indicators: one unit, as they are divided unconverted. */
function shareIssues(
  target: Extract<Target, { kind: "share" }>,
  numerator: Indicator | undefined,
  indicatorOf: (id: string) => Indicator | undefined,
): TargetIssue[] {
  const id = target.denominator.indicator;
  const denominator = id === undefined ? undefined : indicatorOf(id);
  if (numerator === undefined || denominator === undefined) return [];
  if (unitFactor(denominator.unit, numerator.unit) === 1) return [];
  return [
    error(
      ["denominator", "indicator"],
      "unit-mismatch",
      `measured in ${JSON.stringify(denominator.unit)}, not in the unit of ${numerator.id}; a share divides the two unconverted`,
      `an indicator in ${JSON.stringify(numerator.unit)}`,
      denominator.id,
    ),
  ];
}

/** A target's value at least `min` (0 for counts, shares and classes; 1 for ranks). */
function atLeast(target: Target, min: number, code: string, message: string): TargetIssue[] {
  return target.value >= min
    ? []
    : [error(["value"], code, message, `at least ${min}`, target.value)];
}

/** A target's unit measuring `quantity` (a growth target's `%/yr`, a share's `%`). */
function unitOfQuantity(
  target: Target,
  quantity: "growth" | "percent",
  unit: string,
): TargetIssue[] {
  if (unitEntry(target.unit)?.quantity === quantity) return [];
  return [
    error(
      ["unit"],
      "unit-mismatch",
      `a ${target.kind} target is ${quantityName(quantity)}`,
      `${JSON.stringify(unit)} or the same unit written otherwise`,
      target.unit,
    ),
  ];
}

/** A level's value within its indicator's bounds. */
function levelValueIssues(target: Target, indicator: Indicator | undefined): TargetIssue[] {
  if (indicator === undefined) return [];
  const [lo, hi] = indicatorBounds(indicator);
  if (target.value >= lo && target.value <= hi) return [];
  const negative = lo === 0 && target.value < 0 && indicator.kind !== "rate";
  return [
    error(
      ["value"],
      negative ? "negative-value" : "out-of-bounds",
      negative
        ? `negative value for the ${indicator.kind} indicator ${indicator.id}`
        : `outside the bounds of the ${indicator.kind} indicator ${indicator.id}`,
      describeBounds(lo, hi),
      target.value,
    ),
  ];
}

/**
 * A target judged at constant prices (`basis: "real"`) needs an indicator with a price index
 * (`prices` on its definition), from which the library derives its constant-price series.
 */
function basisIssues(
  target: Extract<Target, { kind: "level" | "growth" }>,
  indicator: Indicator | undefined,
): TargetIssue[] {
  if (target.basis !== "real" || indicator === undefined || indicator.prices !== undefined)
    return [];
  return [
    error(
      ["basis"],
      "no-price-index",
      `a target at constant prices needs a price index, and the indicator ${indicator.id} has none (add prices: { index: "<id of its index, previous year = 100>" } to its definition, or judge the target at current prices: basis "nominal")`,
      `"nominal", or an indicator with prices`,
      target.basis,
    ),
  ];
}

type IndicatorOf = (id: string) => Indicator | undefined;
type KindChecks = {
  readonly [K in Target["kind"]]: (
    target: Extract<Target, { kind: K }>,
    indicatorOf: IndicatorOf,
  ) => TargetIssue[];
};

/** What is implausible in a target of each kind, declared once per kind. */
const KIND_CHECKS: KindChecks = {
  level: (target, indicatorOf) => {
    const indicator = indicatorOf(target.indicator);
    return [
      ...levelValueIssues(target, indicator),
      ...(indicator === undefined ? [] : sameUnitIssues(target, indicator)),
      ...basisIssues(target, indicator),
    ];
  },
  growth: (target, indicatorOf) => [
    ...basisIssues(target, indicatorOf(target.indicator)),
    // A level cannot fall by 100% or more a year: (1 + g)^n would be 0 or negative.
    ...(target.value > -100
      ? []
      : [
          error(
            ["value"],
            "out-of-range",
            "a growth rate of −100% a year or less",
            "more than -100 (% a year)",
            target.value,
          ),
        ]),
    ...unitOfQuantity(target, "growth", "%/yr"),
  ],
  share: (target, indicatorOf) => [
    ...atLeast(target, 0, "negative-value", "negative value for a share target"),
    ...unitOfQuantity(target, "percent", "%"),
    ...shareIssues(target, indicatorOf(target.indicator), indicatorOf),
  ],
  count: (target, indicatorOf) => {
    const indicator = indicatorOf(target.indicator);
    return [
      ...atLeast(target, 0, "negative-value", "negative value for a count target"),
      ...(indicator === undefined ? [] : sameUnitIssues(target, indicator)),
    ];
  },
  rank: (target) => atLeast(target, 1, "out-of-range", "a rank is 1 or more"),
  class: (target) => atLeast(target, 0, "negative-value", "negative value for a class target"),
};

/**
 * What is implausible in a target that its schema accepted, measured against the indicators it
 * names: its value's sign for its kind (a level within its indicator's bounds, a count, share or
 * class count at least 0, a rank at least 1, a growth rate above −100% a year), its basis (a
 * level or growth at constant prices needs an indicator with a price index), and its unit (a
 * level's or count's the indicator's unit however written (`亿元` for `"100M yuan"`), a growth
 * in % a year, a share in %, the two indicators of a share in one unit). Unit tests use the
 * table of `units.ts`; an indicator `indicatorOf` does not know is skipped (the reader reports
 * it). Issues have no location: the reader adds the file, path, line and column.
 */
export function targetIssues(target: Target, indicatorOf: IndicatorOf): TargetIssue[] {
  // The table is keyed by kind, so the entry takes this target's own type.
  const check = KIND_CHECKS[target.kind] as (t: Target, of: IndicatorOf) => TargetIssue[];
  return check(target, indicatorOf);
}
