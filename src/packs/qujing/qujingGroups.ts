import type { Group } from "../../schemas/place.js";

/**
 * The groups Qujing's plan targets speak of: `city` (all nine places; the observations file
 * calls it `qujing`), `central-city` (麒沾马: Qilin, Zhanyi and Malong) and `others` (the six
 * remaining counties and county-level city).
 *
 * @example
 * qujingGroups.find((g) => g.id === "central-city")?.members; // ["qilin", "zhanyi", "malong"]
 */
export const qujingGroups: Group[] = [
  {
    id: "city",
    nameZh: "曲靖市",
    nameEn: "Qujing City",
    members: [
      "qilin",
      "zhanyi",
      "malong",
      "xuanwei",
      "huize",
      "luliang",
      "shizong",
      "luoping",
      "fuyuan",
    ],
    aliases: ["曲靖市", "曲靖", "qujing", "Qujing", "全市", "530300"],
  },
  {
    id: "central-city",
    nameZh: "曲靖中心城市",
    nameEn: "Central city (Qilin, Zhanyi, Malong)",
    members: ["qilin", "zhanyi", "malong"],
    aliases: ["中心城区", "麒沾马", "中心城市", "central city"],
  },
  {
    id: "others",
    nameZh: "其余县(市)",
    nameEn: "Other counties (Xuanwei, Huize, Luliang, Shizong, Luoping, Fuyuan)",
    members: ["xuanwei", "huize", "luliang", "shizong", "luoping", "fuyuan"],
    aliases: ["其余六县(市)", "other counties"],
  },
];
