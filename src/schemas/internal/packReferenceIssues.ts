// The checks of a region pack that its schema cannot make: every id a pack names refers to
// something the pack defines (with did-you-mean), and every id is defined once. Works on the raw
// input, so that one bad entry does not hide the problems of the others.
import { nearestIds, normalizeName, orList } from "../../internal/nameMatch.js";
import type { DatasetMeta } from "../dataset.js";
import { derivedIndicators } from "../derivedIndicators.js";
import { IndicatorSchema } from "../indicator.js";
import type { Issue } from "../issue.js";
import { jsonPath } from "../jsonPath.js";
import { type NameIndex, nameIndex } from "../nameIndex.js";
import { GroupSchema, IdSchema, PlaceSchema } from "../place.js";
import { priceCompanionId } from "../priceCompanionId.js";
import { TargetSchema } from "../target.js";
import { targetIssues } from "../targetIssues.js";

type Path = readonly PropertyKey[];
type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object items of `value[key]`, with their index. */
export function itemsOf(value: unknown, key: string): { index: number; item: Raw }[] {
  if (!isRecord(value)) return [];
  const list = value[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => (isRecord(item) ? [{ index, item }] : []));
}

function issueAt(path: Path, issue: Issue): Issue {
  return { ...issue, field: jsonPath(path) };
}

/** A string that is a well-formed id (the schema reports the others), else undefined. */
function idOf(value: unknown): string | undefined {
  return typeof value === "string" && IdSchema.safeParse(value).success ? value : undefined;
}

/**
 * The places, groups and indicators of the raw pack that pass their schemas, each id once (the
 * first: a duplicate is reported once, not again by every name that it makes ambiguous).
 */
export function validMeta(dataset: unknown): DatasetMeta {
  const seen = new Set<string>();
  const valid = <T>(key: string, schema: { safeParse(v: unknown): { success: boolean } }) =>
    itemsOf(dataset, key)
      .map((e) => e.item)
      .filter((item) => {
        if (!schema.safeParse(item).success || seen.has(item.id as string)) return false;
        seen.add(item.id as string);
        return true;
      }) as unknown as T[];
  const places = valid<DatasetMeta["places"][number]>("places", PlaceSchema);
  const groups = valid<DatasetMeta["groups"][number]>("groups", GroupSchema);
  seen.clear(); // indicators have ids of their own
  return { places, groups, indicators: valid("indicators", IndicatorSchema) };
}

/** Collects the issues of ids that are unknown or defined twice. */
class Checker {
  readonly issues: Issue[] = [];
  readonly names: NameIndex;
  constructor(readonly meta: DatasetMeta) {
    this.names = nameIndex(meta);
  }

  place(path: Path, value: unknown, allowAll = false): void {
    const id = idOf(value);
    if (id === undefined || (allowAll && id === "*")) return;
    const hit = this.names.placeId(id);
    if (!hit.found) this.issues.push(issueAt(path, hit.issue));
  }

  indicator(path: Path, value: unknown): void {
    const id = idOf(value);
    if (id === undefined) return;
    const hit = this.names.indicatorId(id);
    if (!hit.found) this.issues.push(issueAt(path, hit.issue));
  }

  /** `value` must be one of `ids` (a reference series, a scenario, a place that is no group). */
  oneOf(path: Path, value: unknown, ids: readonly string[], noun: string, code: string): void {
    const id = idOf(value);
    if (id === undefined || ids.includes(id)) return;
    const candidates = ids.map((c) => ({ id: c, keys: [normalizeName(c)] }));
    const near = nearestIds(normalizeName(id), candidates, 3);
    const message =
      ids.length === 0
        ? `unknown ${noun}; the pack defines none`
        : `unknown ${noun}; did you mean ${orList(near)}?`;
    this.issues.push(
      issueAt(path, { severity: "error", code, message, received: JSON.stringify(id) }),
    );
  }

  /** Each id once among `entries` (`[path of the list, items]` pairs sharing one namespace). */
  unique(noun: string, lists: readonly (readonly [string, { index: number; item: Raw }[]])[]) {
    const first = new Map<string, string>();
    for (const [at, items] of lists) {
      for (const { index, item } of items) {
        const id = idOf(item.id);
        if (id === undefined) continue;
        const where = `${at}[${index}]`;
        const before = first.get(id);
        if (before === undefined) first.set(id, where);
        else
          this.issues.push({
            severity: "error",
            code: "duplicate-id",
            message: `duplicate ${noun} id, first used at ${before}`,
            field: `${where}.id`,
            received: JSON.stringify(id),
          });
      }
    }
  }
}

/**
 * An indicator's `earlierBasis` must name another indicator of the pack that places can be
 * compared on (its aggregation weights places: a ratio or a weighted mean).
 */
function earlierBasisIssues(c: Checker, path: Path, item: Raw): void {
  const basis = (item.earlierBasis as Raw).indicator;
  const id = idOf(basis);
  if (id === undefined) return;
  const hit = c.names.indicatorId(id);
  if (!hit.found) {
    c.indicator(path, basis);
    return;
  }
  const rule = hit.entry.aggregation.rule;
  const problem =
    hit.entry.id === item.id
      ? "an indicator cannot be its own earlier basis"
      : rule === "ratio" || rule === "weighted-mean"
        ? undefined
        : `the earlier basis must be an indicator places are compared on (aggregation "ratio" or "weighted-mean"), and ${hit.entry.id}'s is "${rule}"`;
  if (problem !== undefined)
    c.issues.push(
      issueAt(path, {
        severity: "error",
        code: "invalid-earlier-basis",
        message: problem,
        received: JSON.stringify(id),
      }),
    );
}

const SCOPED_LISTS = ["models", "overrides", "shocks", "uncertainty", "deflators"] as const;

/**
 * The issues of an indicator's `prices` and `priceCompanion`: the index is an indicator of the
 * pack without a price index of its own, the indicator is a level, the ids of its derived series
 * are free; `priceCompanion` is the library's to set.
 */
function priceIssues(
  index: number,
  item: Raw,
  indicators: readonly { index: number; item: Raw }[],
  c: Checker,
): Issue[] {
  const at = (...rest: PropertyKey[]) => ["dataset", "indicators", index, ...rest];
  const issues: Issue[] = [];
  if (item.priceCompanion !== undefined)
    issues.push(
      issueAt(at("priceCompanion"), {
        severity: "error",
        code: "derived-field",
        message:
          "set by the library on the series it derives; declare prices: { index } on the indicator at current prices instead",
      }),
    );
  const prices = isRecord(item.prices) ? item.prices : undefined;
  const id = idOf(item.id);
  if (prices === undefined || id === undefined) return issues;
  c.indicator(at("prices", "index"), prices.index);
  const indexId = idOf(prices.index);
  const indexItem = indicators.find((e) => e.item.id === indexId)?.item;
  if (indexId === id || (indexItem !== undefined && indexItem.prices !== undefined))
    issues.push(
      issueAt(at("prices", "index"), {
        severity: "error",
        code: "invalid-price-index",
        message: "a price index must be an indicator of its own, without a price index",
        expected: "the id of a volume index (previous year = 100)",
        received: JSON.stringify(prices.index),
      }),
    );
  if (item.kind !== "level")
    issues.push(
      issueAt(at("prices"), {
        severity: "error",
        code: "invalid-price-index",
        message: `only a level (an amount of money) has prices; ${id} is a ${String(item.kind)}`,
        expected: 'an indicator of kind "level"',
      }),
    );
  for (const role of ["real", "deflator"] as const) {
    const derived = priceCompanionId(id, role);
    if (indicators.some((e) => e.item.id === derived))
      issues.push(
        issueAt(at("prices"), {
          severity: "error",
          code: "duplicate-id",
          message: `the library names ${id}'s ${role === "real" ? "constant-price series" : "deflator"} ${derived}, which another indicator of the pack already is`,
          received: JSON.stringify(derived),
        }),
      );
  }
  return issues;
}

/**
 * Issues of the ids a raw region pack names: group members (places of the pack), aggregation
 * inputs, derived indicators' formulas (see `derivedIndicators`), breaks, panels, targets (scope, indicator, denominator, classes, reference, rank indicator, and
 * their plausibility against the indicator), scenarios (selectors, `extends`, reference models)
 * and ids defined twice. Fields are JSON paths from the pack's root.
 */
export function packReferenceIssues(input: unknown): Issue[] {
  const dataset = isRecord(input) ? input.dataset : undefined;
  const meta = validMeta(dataset);
  const c = new Checker(meta);
  const places = itemsOf(dataset, "places");
  const groups = itemsOf(dataset, "groups");
  const indicators = itemsOf(dataset, "indicators");
  c.unique("place or group", [
    ["dataset.places", places],
    ["dataset.groups", groups],
  ]);
  c.unique("indicator", [["dataset.indicators", indicators]]);
  const placeIds = meta.places.map((p) => p.id);
  for (const { index, item } of groups) {
    const members = Array.isArray(item.members) ? item.members : [];
    members.forEach((m, k) => {
      c.oneOf(["dataset", "groups", index, "members", k], m, placeIds, "place", "unknown-place");
    });
  }
  for (const { index, item } of indicators) {
    const at = (...rest: PropertyKey[]) => ["dataset", "indicators", index, "aggregation", ...rest];
    const a = isRecord(item.aggregation) ? item.aggregation : {};
    for (const key of ["numerator", "denominator", "weight"]) c.indicator(at(key), a[key]);
    if (isRecord(item.earlierBasis))
      earlierBasisIssues(c, ["dataset", "indicators", index, "earlierBasis", "indicator"], item);
    c.issues.push(...priceIssues(index, item, indicators, c));
  }
  // Derived indicators: formulas in the language, naming indicators of the pack, without cycles.
  for (const p of derivedIndicators(meta.indicators).problems) {
    const index = indicators.find((e) => e.item.id === p.indicator)?.index ?? 0;
    c.issues.push(issueAt(["dataset", "indicators", index, p.field], p.issue));
  }
  for (const { index, item } of itemsOf(dataset, "breaks")) {
    c.indicator(["dataset", "breaks", index, "indicator"], item.indicator);
    c.place(["dataset", "breaks", index, "place"], item.place);
  }
  for (const { index, item } of itemsOf(dataset, "panels")) {
    c.indicator(["dataset", "panels", index, "indicator"], item.indicator);
    c.place(["dataset", "panels", index, "scope"], item.scope, true);
  }

  const references = itemsOf(input, "references");
  c.unique("reference series", [["references", references]]);
  for (const { index, item } of references) {
    const years = item.years;
    const values = item.values;
    if (Array.isArray(years) && Array.isArray(values) && years.length !== values.length)
      c.issues.push({
        severity: "error",
        code: "length-mismatch",
        message: `years and values differ in length (${years.length} years, ${values.length} values)`,
        field: jsonPath(["references", index, "values"]),
      });
  }
  const referenceIds = references.flatMap((r) => idOf(r.item.id) ?? []);

  const targets = itemsOf(input, "targets");
  c.unique("target", [["targets", targets]]);
  const indicatorOf = (id: string) => {
    const hit = c.names.indicatorId(id);
    return hit.found ? hit.entry : undefined;
  };
  for (const { index, item } of targets) {
    const at = (...rest: PropertyKey[]) => ["targets", index, ...rest];
    c.place(at("scope"), item.scope);
    c.indicator(at("indicator"), item.indicator);
    if (isRecord(item.denominator)) {
      c.place(at("denominator", "scope"), item.denominator.scope);
      c.indicator(at("denominator", "indicator"), item.denominator.indicator);
    }
    for (const k of itemsOf(item, "classes"))
      c.place(at("classes", k.index, "scope"), k.item.scope);
    if (item.kind === "rank") {
      c.oneOf(
        at("reference"),
        item.reference,
        referenceIds,
        "reference series",
        "unknown-reference",
      );
      c.indicator(at("rankIndicator"), item.rankIndicator);
    }
    const parsed = TargetSchema.safeParse(item);
    if (!parsed.success) continue;
    for (const t of targetIssues(parsed.data, indicatorOf))
      c.issues.push(issueAt(at(...t.path), t.issue));
  }

  const scenarios = itemsOf(input, "scenarios");
  c.unique("scenario", [["scenarios", scenarios]]);
  const scenarioIds = scenarios.flatMap((s) => idOf(s.item.id) ?? []);
  for (const { index, item } of scenarios) {
    const at = (...rest: PropertyKey[]) => ["scenarios", index, ...rest];
    for (const list of SCOPED_LISTS) {
      for (const e of itemsOf(item, list)) {
        c.place(at(list, e.index, "scope"), e.item.scope, true);
        if (e.item.indicator !== "*") c.indicator(at(list, e.index, "indicator"), e.item.indicator);
      }
    }
    for (const r of itemsOf(item, "references"))
      c.oneOf(
        at("references", r.index, "reference"),
        r.item.reference,
        referenceIds,
        "reference series",
        "unknown-reference",
      );
    if (item.extends !== undefined)
      c.oneOf(at("extends"), item.extends, scenarioIds, "scenario", "unknown-scenario");
  }
  return c.issues;
}
