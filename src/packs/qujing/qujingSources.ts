import type { Source } from "../../schemas/regionPack.js";

/**
 * Every source key of the Qujing pack: those of `data/qujing/observations.csv` (described, with
 * quotes, conflicts and gaps, in `data/qujing/SOURCES.md`), those of
 * `data/qujing/panel-observations.csv` (the official publications behind the shared China
 * panels, described in `data/qujing/PANEL-SOURCES.md`), the prefecture panel the ranks and the
 * 70th city's GDP are computed from, and the plan itself. Quality: A official
 * statistics or a curated statistical database; B an encyclopedia or aggregator citing official
 * figures; C a secondary web page (kept, not fitted on unless a scenario asks).
 *
 * @example
 * qujingSources.find((s) => s.key === "CSMAR_GH")?.quality; // "A"
 */
export const qujingSources: Source[] = [
  {
    key: "CSMAR_GH",
    title: "CSMAR China Regional Economy city GDP table (CRE_Gdpct), Qujing rows 2010–2021",
    quality: "A",
    where:
      "GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Gdpct.csv (last commit touching the file ff66ee64ac22f68e47e2289dbeb95cddcecae122)",
  },
  {
    key: "GP_PANEL_RANKS",
    title:
      "GDP ranks of China's prefecture-level cities and the 70th city's GDP, 2000–2023, computed by prefectureCityRanks (universe isPrefectureCityByCategory) from the G-P compilation 「2000-2023地级市产业结构」 of provincial and city statistical yearbooks and bulletins; aggregates only",
    quality: "B",
    where:
      "shared data/cn-panels/prefecture_panel.csv, GP_INDUSTRY rows (from GitHub biechouwo-coder/G-P, 原始数据/2000-2023地级市产业结构 .xlsx, commit 6c492f71e5f24f72431d3cf40d5d47ea7d0628a8), by scripts/embed-data.ts",
  },
  {
    key: "QJ_7P_BULLETIN",
    title: "曲靖市第七次全国人口普查主要数据公报 (2021-05-31), forum repost",
    quality: "A",
    where: "http://xzqh.info/lt/read.php?fpage=2&tid=168978",
  },
  {
    key: "DEWIKI_QJ",
    title:
      'German Wikipedia "Qujing" (mirror), citing citypopulation.de: census 2020 county populations',
    quality: "B",
    where: "https://wikipedia.jakami.de/content/wikipedia_de_all_mini_2023-10/A/Qujing",
  },
  {
    key: "ZHWIKI_YN_POP",
    title: "zh.wikipedia 云南省各市州人口列表 (from 云南统计年鉴 and 中国人口和就业统计年鉴)",
    quality: "B",
    where: "https://zh.wikipedia.org/wiki/云南省各市州人口列表",
  },
  {
    key: "ZHWIKI_YN_GDP",
    title: "zh.wikipedia 云南各市州地区生产总值列表 (from 云南统计年鉴-2023)",
    quality: "B",
    where: "https://zh.wikipedia.org/zh-sg/云南各市州地区生产总值列表",
  },
  {
    key: "ENWIKI_QJ",
    title: 'English Wikipedia "Qujing": resident population at the end of 2024',
    quality: "B",
    where: "https://en.wikipedia.org/wiki/Qujing",
  },
  {
    key: "ENWIKI_QJ_2010",
    title: 'English Wikipedia "Qujing" (old snapshot): 2010 census population and built-up area',
    quality: "B",
    where:
      "https://cloudflare-ipfs.com/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Qujing.html",
  },
  {
    key: "WZDQ_QJ",
    title:
      "wangzhidaquan.com page on Qujing: 2019 hukou population, 2016 built-up area and urban population, 2019 GDP",
    quality: "C",
    where: "https://tqyb.wangzhidaquan.com/qu-jing.html",
  },
  {
    key: "KANGSHIW",
    title: "kangshiw.com: 2013 GDP 1652.26 (conflicts with CSMAR 1583.94; CSMAR preferred)",
    quality: "C",
    where: "http://kangshiw.com/contents/463/3496.html",
  },
  {
    key: "HKNF",
    title:
      "Hong Kong News Feed: 2022 GDP, tertiary share and urbanization (year of the last two inferred)",
    quality: "C",
    where: "https://hongkongnewsfeed.com/?p=25527",
  },
  {
    key: "OUTPUTNEWS_2023H1",
    title: "outputnews.com: GDP growth of the first half of 2023 (7.5%)",
    quality: "C",
    where: "https://hk.outputnews.com/2023/fengwen/news_2023_09_12_1157011",
  },
  {
    key: "NETEASE_2024",
    title:
      "NetEase news commentary: Qujing's 2024 GDP growth −0.9%, the only contraction in Yunnan",
    quality: "C",
    where: "https://m.163.com/dy/article/JTBLFH8S0556BLES.html",
  },
  {
    key: "MMTAR_XUANWEI",
    title: "mmtar.com encyclopedia mirror, 宣威市: 2020 census population and GDP",
    quality: "B/C",
    where: "https://mmtar.com/wiki/181246.html",
  },
  {
    key: "MMTAR_MALONG",
    title: "mmtar.com encyclopedia mirror, 马龙区: 2020 GDP, 2010 census, 2021 总人口",
    quality: "B/C",
    where: "https://mmtar.com/wiki/181247.html",
  },
  {
    key: "SZJM_LUOPING",
    title: "szjm666.com encyclopedia mirror, 罗平县: 2020 census, GDP, industries and growth",
    quality: "B/C",
    where: "https://wiki.szjm666.com/item/74522.html",
  },
  {
    key: "BDDITU_SHIZONG",
    title: "bdditu.com, 师宗县: 7th-census population (rounded)",
    quality: "C",
    where: "https://bdditu.com/qujingditu/shizong.html",
  },
  {
    key: "H365135_HUIZE",
    title: "365135.com, 会泽县: resident population (undated; equals the 7th census)",
    quality: "C",
    where: "http://365135.com/yunnan/qujing/24973.shtml",
  },
  {
    key: "FPZ_P204",
    title:
      "《曲靖市扶贫志(1978-2020)》 p.204: 麒麟区 built-up area, urbanization rate (basis unstated), 2020 hukou population",
    quality: "A/B",
    where: "http://www.zyooe.com/qjsfpz/files/basic-html/page204.html",
  },
  {
    key: "SHAOSHAN_QILIN",
    title:
      "517shaoshan.com, 麒麟区: 2013 resident population and GDP (boundary or definition differs from 2020)",
    quality: "C",
    where: "http://www.517shaoshan.com/yuna/9256.html",
  },
  {
    key: "PERCEPTIODE_XUANWEI",
    title: "perceptiode.com (machine-translated Russian Wikipedia), 宣威: 2010 population",
    quality: "C",
    where: "https://perceptiode.com/Сюаньвэй",
  },
  {
    key: "LYGFANG_ZHANYI",
    title: "lygfang.com, 沾益: 2010 GDP 188亿元 (low confidence: implausible doubling 2008–2010)",
    quality: "C",
    where: "http://www.lygfang.com/townce/zhanyi.html",
  },
  // --- The shared China panels (data/qujing/panel-observations.csv; PANEL-SOURCES.md) ------
  {
    key: "CSMAR_CNT_GDP",
    title:
      "《中国县域统计年鉴》 (China County Statistical Yearbook) via CSMAR's county tables: GDP and value added of the three industries of Qujing's places, 2000–2021 (万元 in the source, 亿元 = 100M yuan in the panel)",
    quality: "A",
    where:
      "shared data/cn-panels/county_panel.csv, source CSMAR_CNT_GDP, from ADM3_version2.dta in GitHub DuHe1123/Master_thesis, data/county/DataDoFile.zip at commit fae78dd38092fe43ddefb7d8e7ba46956aaa4db7",
  },
  {
    key: "CSMAR_CNT_POP",
    title:
      "《中国县域统计年鉴》 via CSMAR's county table CNT_PopHouseUrbRate: year-end population of Qujing's places, 2000–2021 (PopNum, labelled 年末户籍人口数; for Qujing the resident population, census-based from 2020)",
    quality: "A",
    where:
      "shared data/cn-panels/county_panel.csv, source CSMAR_CNT_POP, from GitHub DuHe1123/Master_thesis, data/county/Statistic yearbook/CNT_PopHouseUrbRate.csv (last changed in commit fae78dd38092fe43ddefb7d8e7ba46956aaa4db7; copied at a6842543986d13b095ff3a56f0e4c930f1ea9cf0)",
  },
  {
    key: "CSMAR_CNT_FAI",
    title:
      "《中国县域统计年鉴》 via CSMAR's county table CNT_FixAstInv: fixed-asset investment of Qujing's places, 2000–2017 (亿元; definition change in 2011)",
    quality: "A",
    where:
      "shared data/cn-panels/county_panel.csv, source CSMAR_CNT_FAI, from GitHub DuHe1123/Master_thesis, data/county/Statistic yearbook/CNT_FixAstInv.csv (last changed in commit fae78dd38092fe43ddefb7d8e7ba46956aaa4db7; copied at a6842543986d13b095ff3a56f0e4c930f1ea9cf0)",
  },
  {
    key: "GP_INDUSTRY",
    title:
      "《云南统计年鉴》, 《曲靖统计年鉴》 and 曲靖市国民经济和社会发展统计公报 as compiled in 「2000-2023地级市产业结构」 (G-P): Qujing's GDP and value added of the three industries, 2000–2023",
    quality: "B",
    where:
      "shared data/cn-panels/prefecture_panel.csv, source GP_INDUSTRY, from GitHub biechouwo-coder/G-P, 原始数据/2000-2023地级市产业结构 .xlsx at commit 6c492f71e5f24f72431d3cf40d5d47ea7d0628a8",
  },
  {
    key: "GP_GDP_INDEX",
    title:
      "《云南统计年鉴》, 《曲靖统计年鉴》 and bulletins as compiled in 「296个地级市GDP相关数据（以2000年为基期）」 (G-P): Qujing's GDP index (previous year = 100), 2000–2023",
    quality: "B",
    where:
      "shared data/cn-panels/prefecture_panel.csv, source GP_GDP_INDEX, from GitHub biechouwo-coder/G-P, 原始数据/296个地级市GDP相关数据（以2000年为基期）.xlsx at commit e7bf98ff771ed0d31198d0925777bb41a26fea97",
  },
  {
    key: "GP_POPULATION",
    title:
      "《中国城市统计年鉴》, 《云南统计年鉴》 and bulletins as compiled in 「298个地级市人口密度1998-2024年」 (G-P): Qujing's year-end resident population, 2000 and 2005–2024 (reported values, not the file's interpolated column)",
    quality: "B",
    where:
      "shared data/cn-panels/prefecture_panel.csv, source GP_POPULATION, from GitHub biechouwo-coder/G-P, 原始数据/298个地级市人口密度1998-2024年无缺失.xlsx at commit e7bf98ff771ed0d31198d0925777bb41a26fea97",
  },
  {
    key: "QUJING_PLAN_2021",
    title:
      "曲靖市促进区域协调发展实施方案 (中共曲靖市委、曲靖市人民政府, 2021): the targets' source",
    quality: "A",
    where: "data/qujing/plan-qujing-2021.txt",
  },
];
