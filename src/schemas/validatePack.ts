import * as z from "zod";
import { DatasetSchema } from "./dataset.js";
import { derivedObservationsIssue } from "./derivedIndicators.js";
import { itemsOf, packReferenceIssues, validMeta } from "./internal/packReferenceIssues.js";
import type { Issue } from "./issue.js";
import { jsonPath } from "./jsonPath.js";
import { OBSERVATION_FIELDS } from "./observationFields.js";
import { observationValidator, type RawObservation } from "./observationValidator.js";
import { type RegionPack, RegionPackSchema } from "./regionPack.js";
import { newerSchemaVersionIssue } from "./schemaVersion.js";
import { zodIssues } from "./zodIssues.js";

/** The pack's schema with its observations left to the observation validator. */
const PackShapeSchema = RegionPackSchema.extend({
  dataset: DatasetSchema.extend({ observations: z.array(z.unknown()) }),
});

/** What {@link validatePack} found: the pack with its defaults filled in, or none if any error. */
export type ValidatedPack =
  | { readonly ok: true; readonly pack: RegionPack; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly pack: undefined; readonly issues: readonly Issue[] };

/**
 * Checks a region pack (a {@link RegionPackInput}, or any value) and fills in its defaults: the
 * schema (`RegionPackSchema`, including `schemaVersion`: a newer major version is refused), then
 * every id it names: each target's `scope`, `indicator`, `denominator.scope` and
 * `denominator.indicator`, `classes[].scope`, a rank target's `reference` (a reference series of
 * the pack) and `rankIndicator`; each group's members (places of the pack); each indicator's
 * aggregation inputs; each derived indicator's formula (in the formula language, naming indicators
 * of the pack, without cycles, aggregating by `formula`; observations of a derived indicator are
 * a warning: they are not used); each break's place and indicator; each scenario's model, override, shock
 * and uncertainty selectors, reference models and `extends`. Ids are defined once (places and
 * groups share one namespace). An unknown id suggests the nearest (`unknown place; did you mean
 * city?`). Targets are checked for plausibility against their indicator as `readTargetsJson`
 * does, and observations by the validator the readers use (names resolved to ids, units, bounds,
 * duplicates; conflicting sources are warnings).
 *
 * Each issue's `field` is a JSON path from the pack's root (`targets[3].scope`). Never throws and
 * never changes its input.
 *
 * @param input - the pack to check.
 * @returns `ok` and the pack (defaults filled in, e.g. `dataset.breaks: []`) when no issue is an
 *   error, with any warnings; otherwise `ok: false`, no pack and every issue.
 * @example
 * const pack = {
 *   id: "demo", nameZh: "示例", nameEn: "Demo",
 *   plan: { titleZh: "规划", titleEn: "Plan", baseYear: 2020, issued: 2021 },
 *   dataset: {
 *     places: [{ id: "east", nameZh: "东", nameEn: "East", kind: "county" }],
 *     groups: [{ id: "city", nameZh: "市", nameEn: "City", members: ["east"] }],
 *     indicators: [{ id: "gdp", nameZh: "地区生产总值", nameEn: "GDP", unit: "100M yuan",
 *       kind: "level", aggregation: { rule: "sum" }, scale: "log" }],
 *     observations: [],
 *   },
 *   targets: [{ id: "gdp-2025", nameZh: "GDP", nameEn: "GDP", kind: "level", scope: "ctiy",
 *     indicator: "gdp", comparator: ">=", value: 100, unit: "100M yuan", year: 2025,
 *     baseYear: 2020, provenance: { kind: "plan", quote: "…" } }],
 *   scenarios: [],
 * };
 * validatePack(pack).issues.map(formatIssue); // ['targets[0].scope: unknown place; did you mean city or east? (got "ctiy")']
 * validatePack({ ...pack, targets: [] }).pack?.dataset.breaks; // []
 */
export function validatePack(input: unknown): ValidatedPack {
  const newer = newerSchemaVersionIssue(input);
  if (newer !== undefined) return { ok: false, pack: undefined, issues: [newer] };
  const checked = PackShapeSchema.safeParse(input);
  const issues: Issue[] = checked.success ? [] : zodIssues(checked.error.issues, input, undefined);
  issues.push(...packReferenceIssues(input));
  const dataset =
    typeof input === "object" && input !== null
      ? (input as { dataset?: unknown }).dataset
      : undefined;
  const validator = observationValidator(validMeta(dataset), undefined);
  const raw = Array.isArray((dataset as { observations?: unknown } | undefined)?.observations)
    ? (dataset as { observations: unknown[] }).observations
    : [];
  const objects = new Set(itemsOf(dataset, "observations").map((e) => e.index));
  raw.forEach((item, index) => {
    const at = (...rest: PropertyKey[]) => jsonPath(["dataset", "observations", index, ...rest]);
    if (!objects.has(index)) return; // the schema leaves these alone: report here
    const record = item as Record<string, unknown>;
    const fields: RawObservation = Object.fromEntries(
      [...OBSERVATION_FIELDS, "original" as const].map((f) => [
        f,
        { value: record[f], field: at(f) },
      ]),
    );
    validator.add(fields, { label: at(), field: at() });
  });
  for (const index of raw.keys()) {
    if (objects.has(index)) continue;
    issues.push({
      severity: "error",
      code: "wrong-type",
      message: "wrong type",
      expected: "an observation object",
      field: jsonPath(["dataset", "observations", index]),
    });
  }
  const observed = validator.result();
  issues.push(...observed.issues);
  issues.push(
    ...derivedObservationIssues(observed.ok ? observed.value : (observed.partial ?? []), dataset),
  );
  if (!checked.success || issues.some((i) => i.severity === "error"))
    return { ok: false, pack: undefined, issues };
  const observations = observed.ok ? observed.value : [];
  const pack: RegionPack = { ...checked.data, dataset: { ...checked.data.dataset, observations } };
  return { ok: true, pack, issues };
}

/**
 * A warning per derived indicator (one with a formula) that has observations: they are not used
 * (see `derivedObservationsIssue`).
 */
function derivedObservationIssues(
  observations: readonly { readonly indicator: string }[],
  dataset: unknown,
): Issue[] {
  const derived = new Map(
    validMeta(dataset)
      .indicators.filter((i) => i.formula !== undefined)
      .map((i) => [i.id, i]),
  );
  if (derived.size === 0) return [];
  const counts = new Map<string, number>();
  for (const o of observations)
    if (derived.has(o.indicator)) counts.set(o.indicator, (counts.get(o.indicator) ?? 0) + 1);
  return [...counts].map(([id, count]) =>
    derivedObservationsIssue(id, count, derived, "dataset.observations"),
  );
}
