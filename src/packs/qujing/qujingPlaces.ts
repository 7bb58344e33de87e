import type { Place } from "../../schemas/place.js";

/**
 * The nine county-level divisions of Qujing (曲靖市), Yunnan, as the 2021 regional-coordination
 * plan names them (`PLAN.md`): three districts forming the central city ("麒沾马"), one
 * county-level city (the sub-centre Xuanwei) and five counties.
 *
 * The economic and technological development zone (曲靖经开区) is a reporting unit of the plan
 * (二十) but not a place here: published statistics count it inside 麒麟区 (Qilin), so Qilin's
 * figures include it. It is deliberately not an alias of `qilin`: a figure reported for the zone
 * alone is a part of Qilin's, not Qilin's. Each place also answers to its GB/T 2260 codes (the current one
 * and, for the districts re-designated from counties, the old one: 沾益 530328 → 530303 in 2016,
 * 马龙 530321 → 530304 in 2018), so that tables keyed by code read as they are.
 *
 * @example
 * qujingPlaces.map((p) => p.id);
 * // ["qilin", "zhanyi", "malong", "xuanwei", "huize", "luliang", "shizong", "luoping", "fuyuan"]
 */
export const qujingPlaces: Place[] = [
  {
    id: "qilin",
    nameZh: "麒麟区",
    nameEn: "Qilin District",
    kind: "district",
    role:
      "central city (麒沾马); seat of the city government; published statistics count the " +
      "economic and technological development zone (曲靖经开区) inside Qilin",
    aliases: ["麒麟", "Qilin", "530302"],
  },
  {
    id: "zhanyi",
    nameZh: "沾益区",
    nameEn: "Zhanyi District",
    kind: "district",
    role: "central city (麒沾马); a county (沾益县) until 2016",
    aliases: ["沾益", "Zhanyi", "沾益县", "530303", "530328"],
  },
  {
    id: "malong",
    nameZh: "马龙区",
    nameEn: "Malong District",
    kind: "district",
    role: "central city (麒沾马); a county (马龙县) until 2018",
    aliases: ["马龙", "Malong", "马龙县", "530304", "530321"],
  },
  {
    id: "xuanwei",
    nameZh: "宣威市",
    nameEn: "Xuanwei City",
    kind: "county-level-city",
    role: "sub-centre (副中心); eastern gateway with Fuyuan; planned medium city",
    aliases: ["宣威", "Xuanwei", "530381"],
  },
  {
    id: "huize",
    nameZh: "会泽县",
    nameEn: "Huize County",
    kind: "county",
    role: "northern gateway (to Chengdu–Chongqing); planned small city",
    aliases: ["会泽", "Huize", "530326"],
  },
  {
    id: "luliang",
    nameZh: "陆良县",
    nameEn: "Luliang County",
    kind: "county",
    role: "planned small city",
    aliases: ["陆良", "Luliang", "530322"],
  },
  {
    id: "shizong",
    nameZh: "师宗县",
    nameEn: "Shizong County",
    kind: "county",
    role: "southern gateway (to the Greater Bay Area); planned small city",
    aliases: ["师宗", "Shizong", "530323"],
  },
  {
    id: "luoping",
    nameZh: "罗平县",
    nameEn: "Luoping County",
    kind: "county",
    role: "southern gateway (to the Greater Bay Area); planned small city",
    aliases: ["罗平", "Luoping", "530324"],
  },
  {
    id: "fuyuan",
    nameZh: "富源县",
    nameEn: "Fuyuan County",
    kind: "county",
    role: "eastern gateway (to the Yangtze River Delta); planned small city",
    aliases: ["富源", "Fuyuan", "530325"],
  },
];
