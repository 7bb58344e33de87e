import * as z from "zod";

/** A model spec nested in another (auto's candidates, a combination's members). */
export type NestedSpec = { readonly kind: string } & Readonly<Record<string, unknown>>;

/** A nested spec as written: a model kind (`"theta"`) or a spec (`{ kind: "holt", damped: true }`). */
export const NestedSpecSchema = z.union([
  z.string().min(1),
  z.looseObject({ kind: z.string().min(1) }),
]);

/** The spec of a nested entry: a kind becomes `{ kind }`. */
export function nestedSpec(entry: string | NestedSpec): NestedSpec {
  return typeof entry === "string" ? { kind: entry } : entry;
}

/** A nested spec for notes: its kind, then its other fields as JSON. */
export function describeSpec(spec: NestedSpec): string {
  const { kind, ...rest } = spec;
  return Object.keys(rest).length === 0 ? kind : `${kind} ${JSON.stringify(rest)}`;
}
