import type {
  ReportColumn,
  ReportField,
  ReportRow,
  ReportTable,
  ReportValue,
  ReportValueKind,
} from "../reportDocument.js";

/**
 * The fields of a table's raw values, in the order of `keys`, from a table of
 * `[English header, Chinese header, kind]` by key.
 */
export function fieldsOf<K extends string>(
  keys: readonly K[],
  table: Readonly<Record<K, readonly [string, string, ReportValueKind]>>,
): readonly ReportField[] {
  return keys.map((key) => {
    const [en, zh, kind] = table[key];
    return { key, en, zh, kind };
  });
}

/** A column of a report table and how it writes its cell from an item. */
export interface ColumnSpec<T> {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  /** What the stacked lines are, for headers with room (default none). */
  readonly detail?: string;
  readonly kind: ReportColumn["kind"];
  /** Default left. */
  readonly align?: "left" | "right";
  readonly fields: readonly string[];
  readonly lines: (item: T) => readonly string[];
}

/** A column that shows one field as it is declared (its kind and alignment can be changed). */
export function fieldColumn<T>(
  field: ReportField,
  lines: (item: T) => readonly string[],
  options: Pick<ColumnSpec<T>, "align"> & { readonly kind?: ReportColumn["kind"] } = {},
): ColumnSpec<T> {
  return { ...field, fields: [field.key], lines, ...options };
}

/** A number as JSON keeps it: a negative zero becomes 0 (JSON writes both as `0`). */
export function jsonNumber(value: number): number {
  return value === 0 ? 0 : value;
}

function jsonValue(value: ReportValue): ReportValue {
  return typeof value === "number" ? jsonNumber(value) : value;
}

/**
 * A report table of `items`: the raw values of each item by field key (negative zeros as 0) and
 * its cells, one per column.
 */
export function reportTable<T>(
  fields: readonly ReportField[],
  columns: readonly ColumnSpec<T>[],
  items: readonly T[],
  values: (item: T) => Readonly<Record<string, ReportValue>>,
): ReportTable {
  const rows = items.map(
    (item): ReportRow => ({
      values: Object.fromEntries(
        Object.entries(values(item)).map(([key, value]) => [key, jsonValue(value)]),
      ),
      cells: columns.map((c) => ({ lines: c.lines(item) })),
    }),
  );
  return {
    fields,
    columns: columns.map(
      ({ lines: _, detail, align, ...column }): ReportColumn => ({
        ...column,
        detail: detail ?? null,
        align: align ?? "left",
      }),
    ),
    rows,
  };
}
