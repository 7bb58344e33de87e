import { nearestIds, normalizeName, orList } from "../internal/nameMatch.js";
import type { DatasetMeta } from "../schemas/dataset.js";
import { type Indicator, indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import { type NameIndex, nameIndex } from "../schemas/nameIndex.js";
import type { Scenario } from "../schemas/scenario.js";

/** What a scenario's content is checked against: the pack's metadata, data and references. */
export interface ScenarioContext {
  /** Places, groups and indicators the scenario's selectors must name. */
  readonly meta: DatasetMeta;
  /** The data (only their years are read): `toYear` must come after the latest. */
  readonly observations?: readonly { readonly year: number }[];
  /** Ids of the pack's reference series, which `references[].reference` must name. */
  readonly references?: readonly string[];
  /** Whether to check that scopes and indicators are known ids (default true). */
  readonly selectors?: boolean;
  /** `nameIndex(meta)`, when the caller keeps one (it is built otherwise). */
  readonly index?: NameIndex;
}

/** The lists of a scenario whose items name a scope and an indicator. */
const SCOPED_LISTS = ["models", "overrides", "shocks", "uncertainty", "deflators"] as const;

/**
 * The problems of a schema-valid scenario that only its pack reveals, as error issues whose
 * `field` is the JSON path of the value (`overrides[0].value`), in the scenario's order:
 * - `unknown-place` / `unknown-indicator`: a scope or indicator selector that names no place,
 *   group or indicator (with the nearest ids);
 * - `override-out-of-bounds`: an override outside its indicator's range (a share above 100%,
 *   a negative GDP); such an override is not applied;
 * - `shock-mode`: a `points` shock on an indicator not in `%`; it is not applied;
 * - `no-price-index`: a `deflators` entry for an indicator without a price index;
 * - `unknown-reference`: a `references[].reference` that is not a reference series of the pack;
 * - `toYear-not-after-data`: a `toYear` not after the latest observation, so nothing would be
 *   projected.
 *
 * Rates given as percentages (`rate: 5.5`) and invalid `auto` candidates are schema problems
 * (`ScenarioSchema`), not reported here.
 *
 * @example
 * const meta = { places: [], groups: [], indicators: [{ id: "urb", nameZh: "城镇化率", nameEn: "Urbanization",
 *   unit: "%", kind: "rate", aggregation: { rule: "none" }, scale: "logit" }] };
 * const scenario = { overrides: [{ scope: "*", indicator: "urb", year: 2025, value: 150, reason: "x" }],
 *   models: [], shocks: [], uncertainty: [], references: [], toYear: 2035 };
 * scenarioContentIssues(scenario, { meta, selectors: false }).map((i) => i.message);
 * // ["override of * urb in 2025 is outside the indicator's range"]
 */
export function scenarioContentIssues(
  scenario: Pick<Scenario, "models" | "overrides" | "shocks" | "uncertainty" | "references"> & {
    readonly toYear?: number | undefined;
    readonly deflators?: Scenario["deflators"];
  },
  context: ScenarioContext,
): Issue[] {
  const issues: Issue[] = [];
  const indicators = new Map(context.meta.indicators.map((i) => [i.id, i]));
  if (context.selectors !== false) {
    const index = context.index ?? nameIndex(context.meta);
    for (const list of SCOPED_LISTS)
      (scenario[list] ?? []).forEach((item, k) => {
        if (item.scope !== "*") {
          const hit = index.placeId(item.scope);
          if (!hit.found) issues.push({ ...hit.issue, field: `${list}[${k}].scope` });
        }
        if (item.indicator !== "*") {
          const hit = index.indicatorId(item.indicator);
          if (!hit.found) issues.push({ ...hit.issue, field: `${list}[${k}].indicator` });
        }
      });
  }
  scenario.overrides.forEach((o, k) => {
    const indicator = indicators.get(o.indicator);
    if (indicator === undefined || withinBounds(indicator, o.value)) return;
    issues.push({
      severity: "error",
      code: "override-out-of-bounds",
      message: `override of ${o.scope} ${o.indicator} in ${o.year} is outside the indicator's range`,
      field: `overrides[${k}].value`,
      expected: rangeText(indicator),
      received: String(o.value),
    });
  });
  scenario.shocks.forEach((s, k) => {
    const indicator = indicators.get(s.indicator);
    if (s.mode !== "points" || indicator === undefined || indicator.unit === "%") return;
    issues.push({
      severity: "error",
      code: "shock-mode",
      message: `a shock in points applies to indicators in % only; ${s.indicator} is in ${indicator.unit}: use mode "relative"`,
      field: `shocks[${k}].mode`,
      expected: '"relative"',
      received: '"points"',
    });
  });
  (scenario.deflators ?? []).forEach((d, k) => {
    const indicator = indicators.get(d.indicator);
    if (indicator === undefined || indicator.prices !== undefined) return;
    issues.push({
      severity: "error",
      code: "no-price-index",
      message: `a deflator applies to an indicator with a price index; ${d.indicator} has none (add prices: { index } to its definition)`,
      field: `deflators[${k}].indicator`,
      expected: orList(
        context.meta.indicators.filter((i) => i.prices !== undefined).map((i) => i.id),
      ).replace(/^$/, "an indicator with prices (the pack has none)"),
      received: JSON.stringify(d.indicator),
    });
  });
  const known = context.references;
  if (known !== undefined)
    scenario.references.forEach((r, k) => {
      if (known.includes(r.reference)) return;
      const near = nearestIds(
        normalizeName(r.reference),
        known.map((id) => ({ id, keys: [normalizeName(id)] })),
        1,
      );
      issues.push({
        severity: "error",
        code: "unknown-reference",
        message: `unknown reference series${near[0] === undefined ? "" : `; did you mean ${near[0]}?`}`,
        field: `references[${k}].reference`,
        expected: known.length === 0 ? "none (the pack has no reference series)" : orList(known),
        received: JSON.stringify(r.reference),
      });
    });
  const latest = latestYear(context.observations);
  if (scenario.toYear !== undefined && latest !== undefined && scenario.toYear <= latest)
    issues.push({
      severity: "error",
      code: "toYear-not-after-data",
      message: `toYear ${scenario.toYear} is not after the latest observation (${latest}): nothing would be projected; set a later toYear such as 2035`,
      field: "toYear",
      expected: `a year after ${latest}`,
      received: String(scenario.toYear),
    });
  return issues;
}

/** Whether a value lies inside an indicator's range (bounds included). */
export function withinBounds(indicator: Indicator, value: number): boolean {
  const [lo, hi] = indicatorBounds(indicator);
  return Number.isFinite(value) && value >= lo && value <= hi;
}

function rangeText(indicator: Indicator): string {
  const [lo, hi] = indicatorBounds(indicator);
  const unit = indicator.unit === "%" ? "%" : ` ${indicator.unit}`;
  return hi === Number.POSITIVE_INFINITY
    ? `at least ${lo}${unit}`
    : `between ${lo}${unit} and ${hi}${unit}`;
}

function latestYear(observations: readonly { readonly year: number }[] | undefined) {
  if (observations === undefined) return undefined;
  let latest: number | undefined;
  for (const o of observations) if (latest === undefined || o.year > latest) latest = o.year;
  return latest;
}
