/** Shown for a missing value (`null`) in reports. */
export const MISSING = "—";

/** Options of {@link formatNumber}. */
export interface FormatNumberOptions {
  /** Show `+` before positive numbers (gaps, growth). Zero never has a sign. */
  readonly signed?: boolean;
  /** Group thousands with commas (`3,394`); default true. */
  readonly grouping?: boolean;
  /** Exactly this many decimals (trailing zeros kept) instead of about four significant digits. */
  readonly digits?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(digits: number, fixed: boolean, grouping: boolean): Intl.NumberFormat {
  const key = `${digits}:${fixed}:${grouping}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: fixed ? digits : 0,
      maximumFractionDigits: digits,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Decimals that give about four significant digits without rounding the integer part:
 * 3393.92 → 0, 58.934 → 2, 5.1234 → 3, 0.01234 → 5 (at most 6).
 */
function defaultDigits(value: number): number {
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  return Math.min(6, Math.max(0, 3 - magnitude));
}

/**
 * Formats a number for a report: about four significant digits (never rounding the integer
 * part) and trailing zeros dropped, or exactly `digits` decimals; thousands grouped, ASCII
 * minus; `null` → `—`. A value that rounds to zero has no sign (`0`, `0.0`).
 */
export function formatNumber(value: number | null, options: FormatNumberOptions = {}): string {
  if (value === null) return MISSING;
  if (!Number.isFinite(value)) return String(value);
  const fixed = options.digits !== undefined;
  const digits = options.digits ?? defaultDigits(value);
  const text = formatter(digits, fixed, options.grouping ?? true).format(Math.abs(value));
  if (Number(text.replace(/,/g, "")) === 0) return text;
  if (value < 0) return `-${text}`;
  return options.signed === true ? `+${text}` : text;
}

/**
 * Formats a fraction as a percentage with `digits` decimals (default 1): 0.065 → `6.5%`;
 * `null` → `—`.
 */
export function formatPercent(
  fraction: number | null,
  options: { readonly signed?: boolean; readonly digits?: number } = {},
): string {
  if (fraction === null) return MISSING;
  const text = formatNumber(fraction * 100, {
    digits: options.digits ?? 1,
    grouping: true,
    ...(options.signed === undefined ? {} : { signed: options.signed }),
  });
  return `${text}%`;
}

/** Rounds to 12 significant digits to drop binary floating-point noise (110.00000000000001 → 110). */
export function roundForExport(value: number): number {
  return Number(value.toPrecision(12));
}
