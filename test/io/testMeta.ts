import type { DatasetMeta } from "regionsim";

/**
 * A small DatasetMeta for the io tests: five Qujing places, two groups (`city` with the aliases
 * 曲靖 / qujing, `central-city`) and indicators of each kind.
 */
export const testMeta: DatasetMeta = {
  places: [
    {
      id: "qilin",
      nameZh: "麒麟区",
      nameEn: "Qilin District",
      kind: "district",
      aliases: ["麒麟"],
    },
    { id: "zhanyi", nameZh: "沾益区", nameEn: "Zhanyi District", kind: "district" },
    { id: "malong", nameZh: "马龙区", nameEn: "Malong District", kind: "district" },
    { id: "xuanwei", nameZh: "宣威市", nameEn: "Xuanwei City", kind: "county-level-city" },
    { id: "luliang", nameZh: "陆良县", nameEn: "Luliang County", kind: "county" },
  ],
  groups: [
    {
      id: "city",
      nameZh: "曲靖市",
      nameEn: "Qujing City",
      members: ["qilin", "zhanyi", "malong", "xuanwei", "luliang"],
      aliases: ["曲靖", "qujing"],
    },
    {
      id: "central-city",
      nameZh: "中心城区",
      nameEn: "Central City",
      members: ["qilin", "zhanyi", "malong"],
    },
  ],
  indicators: [
    {
      id: "gdp",
      nameZh: "地区生产总值",
      nameEn: "Gross domestic product",
      unit: "100M yuan",
      kind: "level",
      aggregation: { rule: "sum" },
      scale: "log",
      aliases: ["GDP", "生产总值"],
    },
    {
      id: "population",
      nameZh: "常住人口",
      nameEn: "Resident population",
      unit: "10k persons",
      kind: "level",
      aggregation: { rule: "sum" },
      scale: "log",
    },
    {
      id: "urban_population",
      nameZh: "城镇常住人口",
      nameEn: "Urban resident population",
      unit: "10k persons",
      kind: "level",
      aggregation: { rule: "sum" },
      scale: "log",
    },
    {
      id: "urbanization_resident_pct",
      nameZh: "常住人口城镇化率",
      nameEn: "Urbanization rate of resident population",
      unit: "%",
      kind: "rate",
      aggregation: {
        rule: "ratio",
        numerator: "urban_population",
        denominator: "population",
        scale: 100,
      },
      scale: "logit",
      aliases: ["城镇化率"],
    },
    {
      id: "new_urban_jobs",
      nameZh: "城镇新增就业",
      nameEn: "New urban jobs",
      unit: "persons",
      kind: "count",
      aggregation: { rule: "sum" },
      scale: "log",
    },
    {
      id: "gdp_growth",
      nameZh: "地区生产总值增速",
      nameEn: "GDP growth",
      unit: "%",
      kind: "rate",
      aggregation: { rule: "none" },
      scale: "linear",
      bounds: [-50, 50],
    },
  ],
};
