import type * as z from "zod";
import type { Issue } from "../../schemas/issue.js";
import { jsonPath } from "../../schemas/jsonPath.js";
import { locateIssue } from "../../schemas/locateIssue.js";

/** The parts of zod 4's schema definitions ("_zod.def", its API for tools) this walk reads. */
interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, Walkable>>;
  readonly catchall?: Walkable;
  readonly element?: Walkable;
  readonly innerType?: Walkable;
  readonly in?: Walkable;
  readonly options?: readonly Walkable[];
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
}
interface Walkable {
  readonly _zod: { readonly def: Def };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The definition under wrappers (optional, default, nullable, pipe, …). */
function unwrap(schema: Walkable): Def {
  let def = schema._zod.def;
  for (;;) {
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (inner === undefined) return def;
    def = inner._zod.def;
  }
}

/**
 * Paths of the keys in `value` that `schema` does not know, which zod's default objects drop
 * silently (a misspelt `shock` instead of `shocks` would otherwise go unnoticed). Follows
 * objects, arrays and wrappers, and discriminated unions by their discriminator; other unions
 * and records are not looked into.
 */
export function unknownKeys(schema: z.ZodType, value: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const walk = (s: Walkable, v: unknown, path: PropertyKey[]) => {
    const def = unwrap(s);
    if (def.type === "object" && def.shape !== undefined && isRecord(v)) {
      for (const [key, child] of Object.entries(v)) {
        // Own keys only: `constructor` or `__proto__` in a file must not find Object.prototype's.
        const childSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
        if (childSchema !== undefined) walk(childSchema, child, [...path, key]);
        else if (def.catchall === undefined || unwrap(def.catchall).type === "never") {
          found.push([...path, key]);
        }
      }
    } else if (def.type === "array" && def.element !== undefined && Array.isArray(v)) {
      const element = def.element;
      v.forEach((item, i) => {
        walk(element, item, [...path, i]);
      });
    } else if (def.type === "union" && def.discriminator !== undefined && isRecord(v)) {
      const tag = v[def.discriminator];
      const key = def.discriminator;
      const option = def.options?.find((o) => {
        const literal = unwrap(o).shape?.[key];
        return literal !== undefined && (unwrap(literal).values ?? []).includes(tag);
      });
      if (option !== undefined) walk(option, v, path);
    }
  };
  walk(schema as unknown as Walkable, value, []);
  return found;
}

/** A warning for each key of `value` that `schema` does not know (and would drop silently). */
export function unknownKeyIssues(
  schema: z.ZodType,
  value: unknown,
  file: string | undefined,
  prefix: readonly PropertyKey[] = [],
): Issue[] {
  return unknownKeys(schema, value).map((path) =>
    locateIssue(
      {
        severity: "warning",
        code: "unknown-key",
        message: `unknown key ${JSON.stringify(String(path[path.length - 1]))} is ignored`,
      },
      { field: jsonPath([...prefix, ...path]) },
      file,
    ),
  );
}
