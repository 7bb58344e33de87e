/**
 * What `scripts/extract-qujing-panels.ts` carries from the shared China panels into the Qujing
 * pack, and how: the places by CSMAR area id, each panel indicator's pack indicator, source key,
 * quality grade and note, the unit conversions, and the order of the written rows. A panel
 * indicator mapped to `null` is left out on purpose (the reason beside it); any other indicator
 * of a Qujing row stops the extraction, so a new column of the panels forces a decision.
 */

/** CSMAR's stable area id of each of Qujing's nine places (`county_panel.csv`, `area_id`). */
export const QUJING_AREA_IDS: Readonly<Record<string, string>> = {
  "20407471": "qilin",
  "20407478": "zhanyi",
  "20407472": "malong",
  "20407479": "xuanwei",
  "20407477": "huize",
  "20407473": "luliang",
  "20407474": "shizong",
  "20407475": "luoping",
  "20407476": "fuyuan",
};
/** Qujing's code in `prefecture_panel.csv`, and its name in `county_panel.csv`'s `city`. */
export const CITY_CODE = "530300";
export const CITY_NAME = "曲靖市";
/** How the city is written in the observation files (an alias of the group `city`). */
export const CITY_PLACE = "qujing";

export interface Mapping {
  /** Indicator id in the pack. */
  readonly indicator: string;
  /** Source key on the row (the panel's `source`, which must match). */
  readonly source: string;
  readonly quality: "A" | "B";
  /** The unit word of the note, e.g. "亿元 (current prices)". */
  readonly note: string;
}

/** County indicators carried, by the panel's id; `null`: deliberately not carried. */
export const COUNTY_MAP: Readonly<Record<string, Mapping | null>> = {
  gdp: { indicator: "gdp", source: "CSMAR_CNT_GDP", quality: "A", note: "亿元 (current prices)" },
  primary_va: {
    indicator: "primary_va",
    source: "CSMAR_CNT_GDP",
    quality: "A",
    note: "亿元 (current prices)",
  },
  secondary_va: {
    indicator: "secondary_va",
    source: "CSMAR_CNT_GDP",
    quality: "A",
    note: "亿元 (current prices)",
  },
  tertiary_va: {
    indicator: "tertiary_va",
    source: "CSMAR_CNT_GDP",
    quality: "A",
    note: "亿元 (current prices)",
  },
  population_hukou: {
    indicator: "population_resident",
    source: "CSMAR_CNT_POP",
    quality: "A",
    note: "万人 (year-end resident population, published as 年末户籍人口: see PANEL-SOURCES.md)",
  },
  fixed_asset_investment: {
    indicator: "fixed_asset_investment",
    source: "CSMAR_CNT_FAI",
    quality: "A",
    note: "亿元",
  },
  // Agricultural / non-agricultural split of the same column, to 2013, with a bad 2011 row
  // (README caveat C2); the pack has no such indicator.
  population_hukou_agricultural: null,
  population_hukou_nonagricultural: null,
};

/** City indicators carried, by the panel's id; `null`: deliberately not carried. */
export const CITY_MAP: Readonly<Record<string, Mapping | null>> = {
  gdp: { indicator: "gdp", source: "GP_INDUSTRY", quality: "B", note: "亿元 (current prices)" },
  primary_va: {
    indicator: "primary_va",
    source: "GP_INDUSTRY",
    quality: "B",
    note: "亿元 (current prices)",
  },
  secondary_va: {
    indicator: "secondary_va",
    source: "GP_INDUSTRY",
    quality: "B",
    note: "亿元 (current prices)",
  },
  tertiary_va: {
    indicator: "tertiary_va",
    source: "GP_INDUSTRY",
    quality: "B",
    note: "亿元 (current prices)",
  },
  gdp_index_prev_year_100: {
    indicator: "gdp_index",
    source: "GP_GDP_INDEX",
    quality: "B",
    note: "previous year = 100 (comparable prices)",
  },
  population_resident: {
    indicator: "population_resident",
    source: "GP_POPULATION",
    quality: "B",
    note: "万人 (year-end resident population)",
  },
  // Not carried (see PANEL-SOURCES.md): FDI (no indicator in the pack), the city's fixed-asset
  // investment (CSMAR, 2000–2017 with gaps; no target reads it before 2020), CSMAR's year-end
  // population (the other side of the resident-population conflict, quoted in notes instead)
  // and non-agricultural population.
  fdi_used: null,
  fixed_asset_investment: null,
  population_yearend_csmar: null,
  population_nonagricultural: null,
};

/** Panel unit → the pack's unit; every conversion is the identity (factor 1). */
export const UNITS: Readonly<Record<string, string>> = {
  "100M yuan": "100M yuan",
  "10k persons": "10k persons",
  "previous year = 100": "previous year = 100",
};

/** Sources whose Excel files stored values in single precision. */
export const SINGLE_PRECISION_SOURCES: ReadonlySet<string> = new Set([
  "GP_INDUSTRY",
  "GP_GDP_INDEX",
  "GP_POPULATION",
]);

/** Output order of indicators, city first then the places in the pack's order. */
export const CITY_ORDER = [
  "gdp",
  "primary_va",
  "secondary_va",
  "tertiary_va",
  "gdp_index",
  "population_resident",
];
export const PLACE_ORDER = [
  "gdp",
  "primary_va",
  "secondary_va",
  "tertiary_va",
  "population_resident",
  "fixed_asset_investment",
];
