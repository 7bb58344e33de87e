import type { Dataset } from "../schemas/dataset.js";
import type { Issue } from "../schemas/issue.js";
import type { NameIndex } from "../schemas/nameIndex.js";
import { priceCompanionId } from "../schemas/priceCompanionId.js";
import type { Scenario } from "../schemas/scenario.js";
import { aggregationOf } from "./aggregation.js";
import { scopeMatches } from "./internal/scopeMatches.js";
import { scenarioContentIssues } from "./scenarioContentIssues.js";
import { preferredSeries, type ScopeSeries } from "./scopeSeries.js";

/**
 * Reports the scenario's content that the pack refuses ({@link scenarioContentIssues}: unknown
 * selectors or reference ids, overrides out of range, `toYear` not after the data; errors), then
 * the assumptions that no target will see, as warnings appended to `issues` (overrides first,
 * then shocks, each in the scenario's order, with the reason a series has no projection: its
 * model failed, or it is observed through `toYear`):
 * - `override-ignored`: an override of a scope × indicator without a projected series of its
 *   own, or of a group whose targets read the aggregate of its places (which an override of the
 *   group's own series does not change);
 * - `shock-ignored`: a shock that matches no projected series (a misspelt scope or indicator, or
 *   no data);
 * - `deflator-ignored`: a `deflators` entry that matches no projected deflator (see
 *   `derivePriceSeries`).
 * - `model-ignored`: a model for a derived indicator, which is computed by its formula (so are
 *   overrides and shocks of one, which say so).
 *
 * An override of a year outside its series' projection is reported where it is applied
 * ({@link applyAssumptions}).
 */
export function reportIgnoredAssumptions(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  aggregated: readonly ScopeSeries[],
  issues: Issue[],
  references?: readonly string[],
  index?: NameIndex,
): void {
  issues.push(
    ...scenarioContentIssues(scenario, {
      meta: dataset,
      observations: dataset.observations,
      ...(references === undefined ? {} : { references }),
      ...(index === undefined ? {} : { index }),
    }),
  );
  reportIgnoredOverrides(scenario, dataset, direct, aggregated, issues);
  reportUnmatchedShocks(scenario, dataset, direct, issues);
  reportUnmatchedDeflators(scenario, dataset, direct, issues);
  reportDerivedModels(scenario, dataset, issues);
}

function reportUnmatchedDeflators(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  issues: Issue[],
): void {
  (scenario.deflators ?? []).forEach((d, k) => {
    const id = priceCompanionId(d.indicator, "deflator");
    const matched = direct.some(
      (s) => s.indicator === id && s.years.length > 0 && scopeMatches(dataset, d.scope, s.scope),
    );
    if (matched) return;
    issues.push({
      severity: "warning",
      code: "deflator-ignored",
      message: `deflator ${k + 1} (${d.scope} ${d.indicator}) ignored: no deflator of ${d.indicator} is projected for ${d.scope} (it needs observations of ${d.indicator} and of its price index in common years; see derivePriceSeries)`,
      field: `deflators[${k}]`,
    });
  });
}

/** The models a scenario gives derived indicators, which are computed, never modelled. */
function reportDerivedModels(scenario: Scenario, dataset: Dataset, issues: Issue[]): void {
  scenario.models.forEach((m, k) => {
    const why = derivedReason(dataset, m.indicator);
    if (why === undefined) return;
    issues.push({
      severity: "warning",
      code: "model-ignored",
      message: `model ${k + 1} (${m.scope} ${m.indicator}) ignored: ${why}`,
      field: `models[${k}]`,
    });
  });
}

/** Why an assumption about a derived indicator does nothing, or undefined for another indicator. */
function derivedReason(dataset: Dataset, indicatorId: string): string | undefined {
  const indicator = dataset.indicators.find((i) => i.id === indicatorId);
  if (indicator?.formula === undefined) return undefined;
  return `${indicatorId} is computed by its formula ${indicator.formula}; make assumptions about the indicators it names (${aggregationOf(indicator).parts.join(", ")})`;
}

function reportIgnoredOverrides(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  aggregated: readonly ScopeSeries[],
  issues: Issue[],
): void {
  for (const o of scenario.overrides) {
    const same = (s: ScopeSeries) => s.scope === o.scope && s.indicator === o.indicator;
    // What targets read (see preferredSeries): an override of the own series is seen only then.
    const own = direct.find((s) => same(s) && s.years.length > 0);
    const read = preferredSeries([...direct.filter(same), ...aggregated.filter(same)]);
    if (own !== undefined && read === own) continue;
    const fromPlaces = read?.basis === "places" ? read : undefined;
    const members = dataset.groups.find((g) => g.id === o.scope)?.members ?? [];
    issues.push({
      severity: "warning",
      code: "override-ignored",
      message: `override of ${o.scope} ${o.indicator} in ${o.year} ignored: ${
        fromPlaces !== undefined
          ? `${o.scope}'s ${o.indicator} is aggregated from its places (${members.join(", ")}); override them instead`
          : (derivedReason(dataset, o.indicator) ??
            whyNotProjected(direct.find(same), o.scope, o.indicator))
      }`,
      field: "overrides",
    });
  }
}

function reportUnmatchedShocks(
  scenario: Scenario,
  dataset: Dataset,
  direct: readonly ScopeSeries[],
  issues: Issue[],
): void {
  scenario.shocks.forEach((shock, k) => {
    const matched = direct.some(
      (s) =>
        s.indicator === shock.indicator &&
        s.years.length > 0 &&
        scopeMatches(dataset, shock.scope, s.scope),
    );
    if (matched) return;
    const own = direct.find(
      (s) => s.indicator === shock.indicator && scopeMatches(dataset, shock.scope, s.scope),
    );
    issues.push({
      severity: "warning",
      code: "shock-ignored",
      message: `shock ${k + 1} (${shock.scope} ${shock.indicator} from ${shock.from}) ignored: ${derivedReason(dataset, shock.indicator) ?? whyNotProjected(own, shock.scope, shock.indicator)}`,
      field: `shocks[${k}]`,
    });
  });
}

/** Why a scope × indicator has no projection to apply an assumption to. */
function whyNotProjected(series: ScopeSeries | undefined, scope: string, indicator: string) {
  if (series?.failure !== undefined)
    return `${series.scope} ${indicator} has no projection (${series.failure})`;
  if (series !== undefined && series.observed.length > 0)
    return `${series.scope} ${indicator} is observed through the scenario's last year, nothing is projected`;
  return `no projected series of ${indicator} for ${scope}`;
}
