// What a data file holds (observations, a scenario, targets, a pack), told from its extension, its
// content (JSON keys) and its name.

import { basename, extname } from "node:path";
import { normalizeName } from "../../internal/nameMatch.js";
import { OBSERVATION_FIELDS_ZH } from "../../schemas/observationFields.js";
import { ScenarioSchema } from "../../schemas/scenario.js";
import { MAX_JSON_DEPTH } from "./inputLimits.js";
import { scanJson } from "./scanJson.js";

/** What a data file holds. */
export type FileKind = "observations" | "scenario" | "targets" | "pack";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The keys of a scenario (only a scenario file is an object with them at the top level). */
const SCENARIO_KEYS: ReadonlySet<string> = new Set(Object.keys(ScenarioSchema.shape));
/** Keys of an observation that no target has, normalised (targets also have `indicator`, …). */
const OBSERVATION_ONLY_KEYS: ReadonlySet<string> = new Set(
  ["place", "source", "quality", "note", ...Object.values(OBSERVATION_FIELDS_ZH)].map(
    normalizeName,
  ),
);

/**
 * The kind that keys show: `top`, the keys of a top-level object; `items`, the keys of the
 * objects of a top-level array. `undefined` when they show none.
 */
function kindFromKeys(top: ReadonlySet<string>, items: ReadonlySet<string>): FileKind | undefined {
  // A pack also has targets and scenarios; only a pack has a dataset or a plan.
  if (top.has("dataset") || top.has("plan")) return "pack";
  if (top.has("targets")) return "targets";
  if (top.has("observations")) return "observations";
  for (const key of top) if (SCENARIO_KEYS.has(key)) return "scenario";
  if (items.has("comparator")) return "targets";
  for (const key of items) if (OBSERVATION_ONLY_KEYS.has(normalizeName(key))) return "observations";
  return undefined;
}

const NAME_HINTS: readonly (readonly [RegExp, FileKind])[] = [
  [/scenario|情景/i, "scenario"],
  [/target|目标/i, "targets"],
  [/observation|观测/i, "observations"],
  [/pack|数据包/i, "pack"],
];

/** The kind a file's name says (`my-scenario.json`, `targets-2025.json`), if it says one. */
export function kindFromName(path: string): FileKind | undefined {
  const name = basename(path, extname(path));
  const hits = NAME_HINTS.filter(([pattern]) => pattern.test(name));
  return hits.length === 1 ? hits[0]?.[1] : undefined;
}

/**
 * The kind and syntax of a file, from its extension and content, then its name. JSON that cannot
 * be parsed is judged by the keys scanned before its first error; `"unknown"` if nothing tells.
 */
export function detectKind(
  path: string,
  text: string,
): { kind: FileKind | "unknown"; json: boolean } {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return { kind: "observations", json: false };
  const body = text.replace(/^\uFEFF/, "").trimStart();
  const json = ext === ".json" || body.startsWith("{") || body.startsWith("[");
  if (!json) return { kind: "observations", json: false };
  const top = new Set<string>();
  const items = new Set<string>();
  let parsed = true;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    parsed = false;
  }
  if (!parsed) {
    scanJson(text, new Set(), {
      maxDepth: MAX_JSON_DEPTH,
      onKey: (at, key) => {
        if (at === "") top.add(key);
        else if (/^\[\d+\]$/.test(at)) items.add(key);
      },
    });
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) top.add(key);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (!isRecord(item)) continue;
      for (const key of Object.keys(item)) items.add(key);
      if (kindFromKeys(top, items) !== undefined) break;
    }
  }
  // Valid JSON that shows nothing is read as observations (the reader says what is wrong with
  // it); broken JSON is only reported, and what it was meant to be is not guessed.
  const kind =
    kindFromKeys(top, items) ?? kindFromName(path) ?? (parsed ? "observations" : "unknown");
  return { kind, json: true };
}
