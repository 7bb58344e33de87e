import { normalizeName } from "../internal/nameMatch.js";

/** The fields of an observation, in the order a CSV writer uses. */
export const OBSERVATION_FIELDS = [
  "place",
  "indicator",
  "year",
  "value",
  "unit",
  "source",
  "quality",
  "note",
] as const;

export type ObservationField = (typeof OBSERVATION_FIELDS)[number];

/** The fields every observation must have (all but `note`). */
export const REQUIRED_OBSERVATION_FIELDS: readonly ObservationField[] = OBSERVATION_FIELDS.filter(
  (f) => f !== "note",
);

/** Chinese column headers and JSON keys, accepted alongside the English ones. */
export const OBSERVATION_FIELDS_ZH: Readonly<Record<ObservationField, string>> = {
  place: "地区",
  indicator: "指标",
  year: "年份",
  value: "数值",
  unit: "单位",
  source: "来源",
  quality: "质量",
  note: "备注",
};

const byName = new Map<string, ObservationField>(
  OBSERVATION_FIELDS.flatMap((f) => [
    [f, f],
    [OBSERVATION_FIELDS_ZH[f], f],
  ]),
);

/**
 * The observation field a CSV header or JSON key names (English or Chinese, case-insensitive,
 * surrounding whitespace ignored), or `undefined` for an unknown one.
 */
export function observationFieldOf(header: string): ObservationField | undefined {
  return byName.get(normalizeName(header));
}

/**
 * Whether a JSON key names an observation's `original` (the value and unit first written, see
 * `ObservationSchema`): `original` or `原值`, compared as {@link observationFieldOf} compares.
 */
export function isOriginalKey(key: string): boolean {
  const k = normalizeName(key);
  return k === "original" || k === "原值";
}
