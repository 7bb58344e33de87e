import type * as z from "zod";
import { nearTypo } from "../internal/nameMatch.js";
import { shownValue } from "../internal/shownValue.js";
import type { Issue } from "./issue.js";
import { jsonPath } from "./jsonPath.js";
import { locateIssue } from "./locateIssue.js";

type ZodIssue = z.core.$ZodIssue;

/** The value at a zod path in the input, and whether it exists. */
function valueAt(
  input: unknown,
  path: readonly PropertyKey[],
): { exists: boolean; value: unknown } {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) {
      return { exists: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { exists: true, value };
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  object: "an object",
  array: "an array",
  null: "null",
};

function orList(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v) ?? String(v));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

function bound(
  kind: "min" | "max",
  limit: number | bigint,
  inclusive: boolean | undefined,
): string {
  if (kind === "min") return `${inclusive === false ? "more than" : "at least"} ${limit}`;
  return `${inclusive === false ? "less than" : "at most"} ${limit}`;
}

/** One zod issue in the words of {@link Issue}: code, message, expected and received. */
function translate(z: ZodIssue, value: unknown, exists: boolean): Issue {
  const received = shownValue(value);
  switch (z.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[z.expected] ?? z.expected;
      if (!exists || value === undefined) {
        return { severity: "error", code: "missing-value", message: "missing", expected };
      }
      if (z.expected === "int" && typeof value === "number") {
        return {
          severity: "error",
          code: "invalid-value",
          message: "not an integer",
          expected,
          received,
        };
      }
      return { severity: "error", code: "wrong-type", message: "wrong type", expected, received };
    }
    case "too_small": {
      if (z.origin === "string" && value === "") {
        return {
          severity: "error",
          code: "missing-value",
          message: "empty",
          expected: "non-empty text",
        };
      }
      if (z.origin === "array") {
        const expected = `at least ${z.minimum} item${z.minimum === 1 ? "" : "s"}`;
        return {
          severity: "error",
          code: "too-few-items",
          message: "too few items",
          expected,
          received,
        };
      }
      const expected = bound("min", z.minimum, z.inclusive);
      return { severity: "error", code: "out-of-range", message: "too small", expected, received };
    }
    case "too_big": {
      if (z.origin === "array") {
        const expected = `at most ${z.maximum} items`;
        return {
          severity: "error",
          code: "too-many-items",
          message: "too many items",
          expected,
          received,
        };
      }
      const expected = bound("max", z.maximum, z.inclusive);
      return { severity: "error", code: "out-of-range", message: "too large", expected, received };
    }
    case "invalid_format":
      return {
        severity: "error",
        code: "invalid-format",
        message: "invalid format",
        expected: z.message,
        received,
      };
    case "invalid_value": {
      // A likely typo of one of the allowed words gets a did-you-mean (`reel` → "real").
      const words = z.values.filter((v): v is string => typeof v === "string");
      const near = typeof value === "string" ? nearTypo(value, words) : undefined;
      return {
        severity: "error",
        code: "invalid-value",
        message:
          near === undefined
            ? "not an allowed value"
            : `not an allowed value; did you mean ${JSON.stringify(near)}?`,
        expected: orList(z.values),
        received,
      };
    }
    case "invalid_union": {
      const options = (z as { options?: unknown }).options;
      if (Array.isArray(options)) {
        return {
          severity: "error",
          code: "invalid-value",
          message: "not an allowed value",
          expected: orList(options),
          received,
        };
      }
      return {
        severity: "error",
        code: "invalid-value",
        message: "does not match any allowed form",
        received,
      };
    }
    case "custom": {
      // A refinement that names its code in `params` (see TargetSchema) also says what it
      // expected, and the value is shown; others keep their message alone.
      const params: Readonly<Record<string, unknown>> = z.params ?? {};
      if (typeof params.code !== "string") {
        return { severity: "error", code: "invalid-value", message: z.message };
      }
      const issue: Issue = { severity: "error", code: params.code, message: z.message };
      if (typeof params.expected === "string") issue.expected = params.expected;
      if (exists) issue.received = received;
      return issue;
    }
    default:
      return { severity: "error", code: "invalid-value", message: z.message };
  }
}

/**
 * Turns zod's issues about a JSON value into {@link Issue}s whose `field` is the JSON path
 * (`models[0].spec.rate`), with the offending value shown. Line and column are added later
 * (see `withJsonPositions`).
 */
export function zodIssues(
  issues: readonly ZodIssue[],
  input: unknown,
  file: string | undefined,
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  return issues.map((z) => {
    const path = [...prefix, ...z.path];
    const { exists, value } = valueAt(input, z.path);
    return locateIssue(translate(z, value, exists), { field: jsonPath(path) }, file);
  });
}
