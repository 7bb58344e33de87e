/**
 * A short, stable label for a model spec: the kind, then its other fields sorted by name in
 * parentheses, e.g. `{ kind: "trend", form: "loglinear" }` → `trend(form=loglinear)`. Nested
 * values (a path's `values`) are written as compact JSON.
 */
export function specLabel(
  spec: { readonly kind: string } & Readonly<Record<string, unknown>>,
): string {
  const fields = Object.keys(spec)
    .filter((key) => key !== "kind" && spec[key] !== undefined)
    .sort()
    .map((key) => {
      const value = spec[key];
      return `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
    });
  return fields.length === 0 ? spec.kind : `${spec.kind}(${fields.join(",")})`;
}
