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

/** The units the unit of a target of each kind must measure, and what a message calls them. */
const KIND_UNITS: Partial<
  Record<Target["kind"], { quantity: "growth" | "percent"; unit: string }>
> = {
  growth: { quantity: "growth", unit: "%/yr" },
  share: { quantity: "percent", unit: "%" },
};

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

/** The value's sign or range against the target's kind (and, for a level, its indicator). */
function valueIssues(target: Target, indicator: Indicator | undefined): TargetIssue[] {
  const { kind, value } = target;
  const at = ["value"];
  switch (kind) {
    case "growth":
      // A level cannot fall by 100% or more a year: (1 + g)^n would be 0 or negative.
      return value > -100
        ? []
        : [
            error(
              at,
              "out-of-range",
              "a growth rate of −100% a year or less",
              "more than -100 (% a year)",
              value,
            ),
          ];
    case "count":
    case "share":
    case "class":
      return value >= 0
        ? []
        : [error(at, "negative-value", `negative value for a ${kind} target`, "at least 0", value)];
    case "rank":
      return value >= 1
        ? []
        : [error(at, "out-of-range", "a rank is 1 or more", "at least 1", value)];
    case "level": {
      if (indicator === undefined) return [];
      const [lo, hi] = indicatorBounds(indicator);
      if (value >= lo && value <= hi) return [];
      const negative = lo === 0 && value < 0 && indicator.kind !== "rate";
      return [
        error(
          at,
          negative ? "negative-value" : "out-of-bounds",
          negative
            ? `negative value for the ${indicator.kind} indicator ${indicator.id}`
            : `outside the bounds of the ${indicator.kind} indicator ${indicator.id}`,
          describeBounds(lo, hi),
          value,
        ),
      ];
    }
  }
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

/**
 * What is implausible in a target that its schema accepted, measured against the indicators it
 * names: its value's sign for its kind (a level within its indicator's bounds, a count, share or
 * class count at least 0, a rank at least 1, a growth rate above −100% a year), and its unit (a
 * level's or count's the indicator's unit however written (`亿元` for `"100M yuan"`), a growth
 * in % a year, a share in %, the two indicators of a share in one unit). Unit tests use the
 * table of `units.ts`; an indicator `indicatorOf` does not know is skipped (the reader reports
 * it). Issues have no location: the reader adds the file, path, line and column.
 */
export function targetIssues(
  target: Target,
  indicatorOf: (id: string) => Indicator | undefined,
): TargetIssue[] {
  const indicator = indicatorOf(target.indicator);
  const issues = valueIssues(target, indicator);
  const needed = KIND_UNITS[target.kind];
  if (needed !== undefined) {
    if (unitEntry(target.unit)?.quantity !== needed.quantity) {
      issues.push(
        error(
          ["unit"],
          "unit-mismatch",
          `a ${target.kind} target is ${quantityName(needed.quantity)}`,
          `${JSON.stringify(needed.unit)} or the same unit written otherwise`,
          target.unit,
        ),
      );
    }
  } else if ((target.kind === "level" || target.kind === "count") && indicator !== undefined) {
    issues.push(...sameUnitIssues(target, indicator));
  }
  if (target.kind === "share") issues.push(...shareIssues(target, indicator, indicatorOf));
  return issues;
}
