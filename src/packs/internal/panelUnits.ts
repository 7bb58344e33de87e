// The county-level units of a county panel: rows joined on the source's stable area id (CSMAR's
// AreaID survives a re-coding such as 沾益县 530328 → 沾益区 530303), else on the code, each unit
// with its latest code, name, city and years.

import type { CountyPanelRow } from "../../io/readCountyPanel.js";

/** One county-level unit of a panel, as its rows describe it. */
export interface PanelUnit {
  /** The join key: the area id, or `code:` and the code for rows without one. */
  readonly key: string;
  readonly areaId: string;
  /** The latest non-empty code (the code of the unit's latest row that has one), or `""`. */
  code: string;
  /** Year of the row the code was taken from. */
  codeYear: number;
  /** The latest non-empty name (e.g. 沾益区 after 沾益县). */
  name: string;
  nameYear: number;
  /** The latest non-empty city name. */
  city: string;
  cityYear: number;
  /** The latest non-empty province name. */
  province: string;
  provinceYear: number;
  firstYear: number;
  lastYear: number;
  /** Number of rows. */
  rows: number;
  /** Every code the unit's rows use. */
  readonly codes: Set<string>;
}

/** The join key of a row: its area id, else its code, else `undefined` (the row joins nothing). */
export function unitKey(row: Pick<CountyPanelRow, "areaId" | "code">): string | undefined {
  if (row.areaId !== "") return row.areaId;
  if (row.code !== "") return `code:${row.code}`;
  return undefined;
}

/**
 * Every unit of the rows by join key, and the number of rows that join nothing (neither area id
 * nor code). Later rows win ties of year, so a unit's latest code and name are those of its last
 * row in the latest year that has one.
 */
export function panelUnits(rows: readonly CountyPanelRow[]): {
  units: Map<string, PanelUnit>;
  unjoined: CountyPanelRow[];
} {
  const units = new Map<string, PanelUnit>();
  const unjoined: CountyPanelRow[] = [];
  for (const row of rows) {
    const key = unitKey(row);
    if (key === undefined) {
      unjoined.push(row);
      continue;
    }
    const y = row.year;
    let u = units.get(key);
    if (u === undefined) {
      u = {
        key,
        areaId: row.areaId,
        code: "",
        codeYear: -1,
        name: "",
        nameYear: -1,
        city: "",
        cityYear: -1,
        province: "",
        provinceYear: -1,
        firstYear: y,
        lastYear: y,
        rows: 0,
        codes: new Set(),
      };
      units.set(key, u);
    }
    u.rows++;
    if (y < u.firstYear) u.firstYear = y;
    if (y > u.lastYear) u.lastYear = y;
    if (row.code !== "" && !u.codes.has(row.code)) u.codes.add(row.code);
    if (row.code !== "" && y >= u.codeYear) {
      u.code = row.code;
      u.codeYear = y;
    }
    if (row.county !== "" && y >= u.nameYear) {
      u.name = row.county;
      u.nameYear = y;
    }
    if (row.city !== "" && y >= u.cityYear) {
      u.city = row.city;
      u.cityYear = y;
    }
    if (row.province !== "" && y >= u.provinceYear) {
      u.province = row.province;
      u.provinceYear = y;
    }
  }
  return { units, unjoined };
}
