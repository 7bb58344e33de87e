// The places and the city group of a pack built from a panel: one place per county-level unit
// (id from its latest code, Chinese names kept, earlier names and codes as aliases).

import type { CountyPanelRow } from "../../io/readCountyPanel.js";
import type { Group, Place } from "../../schemas/place.js";
import { type PanelCity, shortCityName } from "./findCity.js";
import { type PanelUnit, unitKey } from "./panelUnits.js";

/** A place of the pack with the unit it stands for. */
export interface UnitPlace {
  readonly unit: PanelUnit;
  readonly place: Place;
}

/** The kind of a county-level unit by the end of its name: 区 district, 市 city, 县/旗 county. */
function kindOf(name: string): Place["kind"] {
  if (name.endsWith("区")) return "district";
  if (name.endsWith("市")) return "county-level-city";
  if (name.endsWith("县") || name.endsWith("旗")) return "county";
  return "zone";
}

/** The short name of a three-character name such as 红塔区 → 红塔, else undefined. */
function shortName(name: string): string | undefined {
  return name.length === 3 && /[区县市]$/.test(name) ? name.slice(0, 2) : undefined;
}

/**
 * One place per unit, in code order. The id is `c` and the unit's latest code (`c530402`), with
 * `-` and the area id added when two units share a latest code. The name is the unit's latest;
 * `nameEn` is that name with the code (the panels have no English names). Aliases: the short
 * name (红塔), every other name and code the unit's rows use — each only when no other place
 * or the group claims it.
 */
export function unitPlaces(
  units: readonly PanelUnit[],
  cityRows: readonly CountyPanelRow[],
  reserved: readonly string[],
): UnitPlace[] {
  const history = new Map<string, Set<string>>();
  for (const row of cityRows) {
    const key = unitKey(row);
    if (key === undefined) continue;
    const names = history.get(key) ?? new Set<string>();
    history.set(key, names);
    if (row.county !== "") names.add(row.county);
    if (row.code !== "") names.add(row.code);
  }
  const codeCount = new Map<string, number>();
  for (const u of units) codeCount.set(u.code, (codeCount.get(u.code) ?? 0) + 1);
  const candidates = units.map((u) => {
    const short = shortName(u.name);
    const others = [...(history.get(u.key) ?? [])].filter((n) => n !== u.name);
    return [...new Set([...(short === undefined ? [] : [short]), ...others])];
  });
  const claims = new Map<string, number>();
  for (const c of candidates) for (const a of c) claims.set(a, (claims.get(a) ?? 0) + 1);
  const taken = new Set([...reserved, ...units.map((u) => u.name)]);
  return units.map((unit, k) => {
    const shared = (codeCount.get(unit.code) ?? 0) > 1;
    const id = `c${unit.code}${shared && unit.areaId !== "" ? `-${unit.areaId}` : ""}`;
    const aliases = (candidates[k] as string[]).filter((a) => claims.get(a) === 1 && !taken.has(a));
    const place: Place = {
      id,
      nameZh: unit.name === "" ? unit.code : unit.name,
      nameEn: unit.name === "" ? unit.code : `${unit.name} (${unit.code})`,
      kind: kindOf(unit.name),
      ...(aliases.length === 0 ? {} : { aliases }),
    };
    return { unit, place };
  });
}

/** The group `city`: every place, named after the city (and its English name when known). */
export function cityGroup(
  city: PanelCity,
  members: readonly string[],
  nameEn: string | undefined,
): Group {
  const nameZh = city.name === "" ? city.code : city.name;
  const short = shortCityName(city.name);
  const aliases = [
    ...new Set(
      [city.name, short, city.code, nameEn, "全市"].filter(
        (a): a is string => a !== undefined && a !== "",
      ),
    ),
  ];
  return {
    id: "city",
    nameZh,
    nameEn: nameEn ?? `${nameZh} (${city.code})`,
    members: [...members],
    aliases,
  };
}
