// The prefecture-level cities of a county panel and the one a user names, by GB/T 2260 code or
// by name, with did-you-mean on a miss and the candidates of an ambiguous name.

import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import { nearestIds, normalizeName, orList } from "../../internal/nameMatch.js";
import type { PanelUnit } from "./panelUnits.js";

/** A prefecture-level unit of a panel: the units whose latest code starts with its first 4 digits. */
export interface PanelCity {
  /** Six-digit code: the first four digits of its units' codes and `00`, e.g. `"530400"`. */
  readonly code: string;
  /** Its name as the units' rows write it most often, e.g. `"玉溪市"` (`""` when none does). */
  readonly name: string;
  readonly province: string;
  readonly units: readonly PanelUnit[];
}

/** Suffixes a short city name leaves out: 玉溪市 → 玉溪, 大兴安岭地区 → 大兴安岭, 锡林郭勒盟 → 锡林郭勒. */
const SUFFIX = /(市|地区|盟)$/;

/** The short form of a city name (`"玉溪"` for `"玉溪市"`), or `undefined` when it has none. */
export function shortCityName(name: string): string | undefined {
  const short = name.replace(SUFFIX, "");
  return short !== name && short.length >= 2 ? short : undefined;
}

/**
 * The cities of a panel's units, by code. A unit belongs to the city of its latest code; units
 * without any code belong to none (the caller reports them).
 */
export function panelCities(units: Iterable<PanelUnit>): Map<string, PanelCity> {
  const members = new Map<string, PanelUnit[]>();
  for (const u of units) {
    if (u.code === "") continue;
    const code = `${u.code.slice(0, 4)}00`;
    const list = members.get(code);
    if (list === undefined) members.set(code, [u]);
    else list.push(u);
  }
  const cities = new Map<string, PanelCity>();
  for (const [code, list] of [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const counts = new Map<string, number>();
    for (const u of list) if (u.city !== "") counts.set(u.city, (counts.get(u.city) ?? 0) + 1);
    const [common] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [""];
    const province =
      list.find((u) => u.city === common && u.province !== "")?.province ??
      list.find((u) => u.province !== "")?.province ??
      "";
    // XX90xx: county-level units under the province itself (GB/T 2260 省直辖县级行政区划), whose
    // rows name each unit as its own city.
    const name =
      code.slice(2, 4) === "90" && province !== "" ? `${province}直辖县级行政区划` : common;
    const sorted = [...list].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    cities.set(code, { code, name, province, units: sorted });
  }
  return cities;
}

/** How a message shows a city: `玉溪市 (530400)`. */
export function shownCity(city: PanelCity): string {
  return city.name === "" ? city.code : `${city.name} (${city.code})`;
}

/**
 * The city `given` names: a six-digit code of one of `cities`, or a name (full, `玉溪市`, or
 * short, `玉溪`; compared after `normalizeName`).
 *
 * @throws {ArgumentRangeError} (code `unknown-id`) `fn: path must be a prefecture-level city of
 *   the panel, by code or name; did you mean 玉溪市 (530400)? (got the string "玉西市")`; for a
 *   code the units used earlier, `…; 532700 is an earlier code of units now in 普洱市 (530800)
 *   (got the string "532700")`; for a name of several cities, `fn: path names 2 prefecture-level units of the panel: 重庆市 (500100,
 *   26 places) and 重庆市 (500200, 12 places); give the code (got the string "重庆")`.
 */
export function findCity(
  fn: string,
  path: string,
  given: string,
  cities: ReadonlyMap<string, PanelCity>,
): PanelCity {
  const key = normalizeName(given);
  const byCode = cities.get(key);
  if (byCode !== undefined) return byCode;
  const named = [...cities.values()].filter((c) => {
    if (c.name === "") return false;
    const short = shortCityName(c.name);
    return normalizeName(c.name) === key || (short !== undefined && normalizeName(short) === key);
  });
  const [only] = named;
  if (only !== undefined && named.length === 1) return only;
  if (named.length > 1) {
    const listed = named.map((c) => `${c.name} (${c.code}, ${c.units.length} places)`);
    throw new ArgumentRangeError(
      `${fn}: ${path} names ${named.length} prefecture-level units of the panel: ${andList(listed)}; give the code (got ${describeValue(given)})`,
      { code: "unknown-id", path },
    );
  }
  // A code the panel's units used earlier (思茅地区 532700 is 普洱市 530800 now): their cities now.
  const prefix =
    /^\d{6}$/.test(key) && !cities.has(`${key.slice(0, 4)}00`) ? key.slice(0, 4) : undefined;
  const movedTo = [...cities.values()].filter(
    (c) =>
      prefix !== undefined && c.units.some((u) => [...u.codes].some((k) => k.startsWith(prefix))),
  );
  if (movedTo.length > 0) {
    throw new ArgumentRangeError(
      `${fn}: ${path} must be a prefecture-level city of the panel, by code or name; ${given} is an earlier code of units now in ${andList(movedTo.map(shownCity))} (got ${describeValue(given)})`,
      { code: "unknown-id", path },
    );
  }
  const candidates = [...cities.values()].map((c) => ({
    id: c.code,
    keys: [c.code, c.name, shortCityName(c.name) ?? c.name]
      .filter((k) => k !== "")
      .map(normalizeName),
  }));
  const nearest = nearestIds(key, candidates, 3).map((code) =>
    shownCity(cities.get(code) as PanelCity),
  );
  const hint =
    nearest.length === 0 ? "; the panel has no city" : `; did you mean ${orList(nearest)}?`;
  throw new ArgumentRangeError(
    `${fn}: ${path} must be a prefecture-level city of the panel, by code or name${hint} (got ${describeValue(given)})`,
    { code: "unknown-id", path },
  );
}

/** Joins names as `a`, `a and b`, `a, b and c`. */
function andList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
