import { checkNumber, checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";

/** What a unit measures. Units of one quantity convert into each other by a factor. */
export type UnitQuantity = "money" | "persons" | "percent" | "growth" | "count" | "area" | "rank";

/** One unit: what it measures, its size in the quantity's base unit, and how it is written. */
interface UnitEntry {
  readonly quantity: UnitQuantity;
  /** Size in the base unit (yuan, persons, percentage points, % a year, items, km², places). */
  readonly factor: number;
  /** The ways data files and plans write it, English first; matched after `normalizeName`. */
  readonly names: readonly string[];
}

/**
 * The units regionsim knows: those of the Qujing pack (`"100M yuan"`, `"10k persons"`, `"%"`,
 * `"%/yr"`, `"count"`, `"km2"`, `"rank"`) and their Chinese forms (亿元, 万人, …). A growth rate
 * in % a year is its own quantity, not a percentage of something. 万 is 10⁴ and 亿 10⁸.
 */
const UNITS: readonly UnitEntry[] = [
  { quantity: "money", factor: 1, names: ["yuan", "元"] },
  { quantity: "money", factor: 1e4, names: ["10k yuan", "万元", "10,000 yuan"] },
  { quantity: "money", factor: 1e8, names: ["100M yuan", "亿元", "100 million yuan"] },
  { quantity: "persons", factor: 1, names: ["persons", "人", "people"] },
  { quantity: "persons", factor: 1e4, names: ["10k persons", "万人", "10,000 persons"] },
  { quantity: "percent", factor: 1, names: ["%", "percent", "百分比"] },
  { quantity: "growth", factor: 1, names: ["%/yr", "% a year", "%/年", "% per year"] },
  { quantity: "count", factor: 1, names: ["count", "个", "items"] },
  { quantity: "area", factor: 1, names: ["km2", "平方公里", "平方千米", "square km"] },
  { quantity: "rank", factor: 1, names: ["rank", "位"] },
];

/** What a message calls each quantity. */
const QUANTITY_NAMES: Readonly<Record<UnitQuantity, string>> = {
  money: "an amount of money",
  persons: "a number of persons",
  percent: "a percentage",
  growth: "a growth rate in % a year",
  count: "a count",
  area: "an area",
  rank: "a rank",
};

const BY_NAME: ReadonlyMap<string, UnitEntry> = new Map(
  UNITS.flatMap((u) => u.names.map((n) => [normalizeName(n), u] as const)),
);

/** The entry of a unit as written (`"亿元"`, `" 100m Yuan "`, `"km²"`), if it is known. */
export function unitEntry(unit: string): UnitEntry | undefined {
  return BY_NAME.get(normalizeName(unit));
}

/** What a message calls the quantity a known unit measures (`"an amount of money"`). */
export function quantityName(quantity: UnitQuantity): string {
  return QUANTITY_NAMES[quantity];
}

/**
 * The units of one quantity as a message lists them, in their Chinese form where they have one
 * (`["元", "万元", "亿元"]` for money), smallest first.
 */
export function unitsOfQuantity(quantity: UnitQuantity): string[] {
  return UNITS.filter((u) => u.quantity === quantity)
    .sort((a, b) => a.factor - b.factor)
    .map((u) => u.names.find((n) => /\P{ASCII}/u.test(n)) ?? (u.names[0] as string));
}

/**
 * Why a value in `unit` cannot be converted to an indicator's unit (it measures another quantity,
 * or the table does not know it), and what was expected, for an issue.
 */
export function unconvertibleUnit(
  unit: string,
  indicatorId: string,
  indicatorUnit: string,
): { message: string; expected: string } {
  const target = unitEntry(indicatorUnit);
  const others = target === undefined ? [] : unitsOfQuantity(target.quantity);
  const shown = JSON.stringify(indicatorUnit);
  const expected =
    target === undefined || others.length < 2
      ? shown
      : `${shown} or another unit of ${quantityName(target.quantity)} (${others.join(", ")})`;
  const got = unitEntry(unit);
  if (got === undefined) {
    const nearest = nearestUnit(unit);
    const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
    return {
      message: `unknown unit, which cannot be converted to the unit of ${indicatorId}${hint}`,
      expected,
    };
  }
  const what = target === undefined ? `the unit of ${indicatorId}` : quantityName(target.quantity);
  return {
    message: `a unit of another quantity: ${quantityName(got.quantity)}, not ${what} as ${indicatorId} is`,
    expected,
  };
}

/** The known unit nearest to `unit` as written (its first, English, name), for a did-you-mean. */
export function nearestUnit(unit: string): string | undefined {
  const candidates = UNITS.map((u) => ({
    id: u.names[0] as string,
    keys: u.names.map(normalizeName),
  }));
  return nearestIds(normalizeName(unit), candidates, 1)[0];
}

/**
 * The factor that turns a value in `from` into one in `to` (1 for two ways of writing one unit),
 * or `undefined` when they measure different things or either is unknown and they differ.
 */
export function unitFactor(from: string, to: string): number | undefined {
  const a = unitEntry(from);
  const b = unitEntry(to);
  if (a === undefined || b === undefined) {
    return normalizeName(from) === normalizeName(to) ? 1 : undefined;
  }
  if (a.quantity !== b.quantity) return undefined;
  return a.factor / b.factor;
}

/**
 * Whether values in unit `a` can be converted into unit `b`: both measure the same quantity
 * (money, persons, percentages, growth in % a year, counts, areas, ranks), whatever the scale
 * (`亿元` and `万元` are compatible). Units are compared after NFKC normalisation, trimming and
 * lower-casing, so `"100m Yuan"` is `"100M yuan"` and `"km²"` is `"km2"`. A unit the table does
 * not know is compatible only with itself.
 *
 * @param a - a unit as written, e.g. `"100M yuan"`, `"亿元"`, `"%"`.
 * @param b - another unit.
 * @throws {ArgumentTypeError} `unitsCompatible: b must be a string (got nothing)`.
 * @example
 * unitsCompatible("亿元", "10k yuan"); // true
 * unitsCompatible("万人", "10k persons"); // true
 * unitsCompatible("%", "%/yr"); // false (a share is not a growth rate)
 * unitsCompatible("100M yuan", "10k persons"); // false
 */
export function unitsCompatible(a: string, b: string): boolean {
  checkString("unitsCompatible", "a", a);
  checkString("unitsCompatible", "b", b);
  return unitFactor(a, b) !== undefined;
}

/** Throws the range error for a unit the table does not know, suggesting the nearest. */
function unknownUnit(path: "from" | "to", unit: string): never {
  const nearest = nearestUnit(unit);
  const hint = nearest === undefined ? "" : `; did you mean ${JSON.stringify(nearest)}?`;
  throw new ArgumentRangeError(
    `convertUnit: ${path} must be a known unit${hint} (got the string ${JSON.stringify(unit)})`,
    { code: "unknown-id", path },
  );
}

/**
 * Converts a value between two units of the same quantity: `value × factor(from) / factor(to)`.
 * The factors are powers of ten, so the decimal point of the value as JavaScript writes it (its
 * shortest round-trip form) is moved and the result read back, rounded once: `12345 万元` is
 * exactly the double nearest to `1.2345 亿元` and `8.37 万元` is `83700 元` (where 8.37 × 10⁴ in
 * binary floating point is 83699.99999999999). Units are matched as in
 * {@link unitsCompatible}; the same unit (written either way, or an unknown unit given twice)
 * returns the value unchanged.
 *
 * @param value - a finite number in unit `from`.
 * @param from - the value's unit, e.g. `"万元"`.
 * @param to - the unit wanted, e.g. `"100M yuan"`.
 * @returns the value in unit `to`.
 * @throws {ArgumentRangeError} `convertUnit: from must be a known unit; did you mean "10k yuan"?
 *   (got the string "10k yaun")` (code `unknown-id`); `convertUnit: to must be a unit of the same
 *   quantity as from ("亿元", an amount of money) (got the string "%", a percentage)` (code
 *   `incompatible-units`); `convertUnit: value must be a finite number (got NaN)`.
 * @throws {ArgumentTypeError} `convertUnit: value must be a finite number (got the string "1")`;
 *   the same for a unit that is not a string.
 * @example
 * convertUnit(4500, "亿元", "万元"); // 45000000
 * convertUnit(12345, "万元", "100M yuan"); // 1.2345
 * convertUnit(97.6, "万人", "persons"); // 976000
 * convertUnit(8.37, "万元", "yuan"); // 83700
 */
export function convertUnit(value: number, from: string, to: string): number {
  checkNumber("convertUnit", "value", value);
  checkString("convertUnit", "from", from);
  checkString("convertUnit", "to", to);
  if (normalizeName(from) === normalizeName(to)) return value;
  const a = unitEntry(from) ?? unknownUnit("from", from);
  const b = unitEntry(to) ?? unknownUnit("to", to);
  if (a.quantity !== b.quantity) {
    throw new ArgumentRangeError(
      `convertUnit: to must be a unit of the same quantity as from (${JSON.stringify(from)}, ` +
        `${QUANTITY_NAMES[a.quantity]}) (got the string ${JSON.stringify(to)}, ${QUANTITY_NAMES[b.quantity]})`,
      { code: "incompatible-units", path: "to" },
    );
  }
  return shiftDecimal(value, Math.round(Math.log10(a.factor / b.factor)));
}

/**
 * `value × factor` for a factor from {@link unitFactor} (a power of ten), as `convertUnit`
 * computes it: the decimal point of the value as written moved.
 */
export function scaleByFactor(value: number, factor: number): number {
  return shiftDecimal(value, Math.round(Math.log10(factor)));
}

/**
 * `value × 10^exponent` as decimal arithmetic: the exponent of the value's shortest round-trip
 * form (`toExponential()`, e.g. `8.37e+0`) is shifted and the string parsed, which rounds once.
 */
function shiftDecimal(value: number, exponent: number): number {
  if (exponent === 0) return value;
  // An integer times or over an exact power of ten is already the nearest double to the decimal
  // (one correctly rounded operation on exact operands), as long as the product stays exact.
  if (Number.isSafeInteger(value) && Math.abs(exponent) <= 22) {
    const power = 10 ** Math.abs(exponent);
    if (exponent < 0) return value / power;
    if (Number.isSafeInteger(value * power)) return value * power;
  }
  const [digits, power] = value.toExponential().split("e") as [string, string];
  return Number(`${digits}e${Number(power) + exponent}`);
}
