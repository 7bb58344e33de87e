// The sources of cn-panels' county and prefecture panels (shared/data/cn-panels/README.md): for
// each source id on a row, the official publication the figures come from, the compilation the
// panel was built from, where it was read, and its grade.

import type { Source } from "../../schemas/regionPack.js";

const DUHE = "GitHub DuHe1123/Master_thesis";
const GP = "GitHub biechouwo-coder/G-P, 原始数据/";
const COUNTY_YEARBOOK = "中国县域统计年鉴 (China County Statistical Yearbook), via CSMAR";
const CITY_SOURCES =
  "各省市统计年鉴、国民经济和社会发展统计公报 (provincial and city statistical yearbooks and statistical bulletins), as compiled";

/**
 * Every source id of cn-panels, as a pack source. Quality A for CSMAR's curated tables, B for the
 * G-P compilations (a commercial compilation citing the yearbooks and bulletins).
 */
export const PANEL_SOURCES: readonly Source[] = [
  {
    key: "CSMAR_CNT_GDP",
    title: `${COUNTY_YEARBOOK}: county GDP and value added of the three industries (万元 in the source, 亿元 in the panel)`,
    quality: "A",
    where: `cn-panels county_panel.csv, from ADM3_version2.dta (${DUHE}, data/county/DataDoFile.zip, commit fae78dd38092fe43ddefb7d8e7ba46956aaa4db7), which merges CSMAR's CNT_RegGDPIdx`,
  },
  {
    key: "CSMAR_CNT_POP",
    title: `${COUNTY_YEARBOOK}: year-end household-registered population and urban and rural resident population (CNT_PopHouseUrbRate)`,
    quality: "A",
    where: `cn-panels county_panel.csv, from ${DUHE}, data/county/Statistic yearbook/CNT_PopHouseUrbRate.csv (commit a6842543986d13b095ff3a56f0e4c930f1ea9cf0)`,
  },
  {
    key: "CSMAR_CNT_FAI",
    title: `${COUNTY_YEARBOOK}: fixed-asset investment (CNT_FixAstInv)`,
    quality: "A",
    where: `cn-panels county_panel.csv, from ${DUHE}, data/county/Statistic yearbook/CNT_FixAstInv.csv (commit a6842543986d13b095ff3a56f0e4c930f1ea9cf0)`,
  },
  {
    key: "GP_INDUSTRY",
    title: `${CITY_SOURCES} in 2000-2023地级市产业结构.xlsx: GDP and value added of the three industries`,
    quality: "B",
    where: `cn-panels prefecture_panel.csv, from ${GP}2000-2023地级市产业结构 .xlsx (commit 6c492f71e5f24f72431d3cf40d5d47ea7d0628a8)`,
  },
  {
    key: "GP_GDP_INDEX",
    title: `${CITY_SOURCES} in 296个地级市GDP相关数据（以2000年为基期）.xlsx: GDP index, previous year = 100 (comparable prices)`,
    quality: "B",
    where: `cn-panels prefecture_panel.csv, from ${GP}296个地级市GDP相关数据（以2000年为基期）.xlsx (commit e7bf98ff771ed0d31198d0925777bb41a26fea97)`,
  },
  {
    key: "GP_POPULATION",
    title:
      "中国城市统计年鉴、各省统计年鉴、统计公报 (China City Statistical Yearbook, provincial yearbooks, bulletins), as compiled in 298个地级市人口密度1998-2024年无缺失.xlsx: year-end resident population, reported values only (the file's interpolated column is not used)",
    quality: "B",
    where: `cn-panels prefecture_panel.csv, from ${GP}298个地级市人口密度1998-2024年无缺失.xlsx (commit e7bf98ff771ed0d31198d0925777bb41a26fea97)`,
  },
  {
    key: "GP_FDI",
    title: `${CITY_SOURCES} in 1996-2023年地级市外商直接投资FDI.xlsx: foreign direct investment actually used (百万美元)`,
    quality: "B",
    where: `cn-panels prefecture_panel.csv, from ${GP}1996-2023年地级市外商直接投资FDI.xlsx (commit 002e7d3765844dae6a860de1a6d07e040eb5c72a)`,
  },
  {
    key: "CSMAR_CRE_INVCSCT",
    title:
      "CSMAR China Regional Economy database, city table CRE_Invcsct: total fixed-asset investment (固定资产投资总额; 万元 in the source, 亿元 in the panel)",
    quality: "A",
    where: `cn-panels prefecture_panel.csv, from ${DUHE}, data/city/Statistic yearbook/CRE_Invcsct.csv (commit a6842543986d13b095ff3a56f0e4c930f1ea9cf0)`,
  },
  {
    key: "CSMAR_CRE_EPLWAGCT",
    title:
      "CSMAR China Regional Economy database, city table CRE_Eplwagct: year-end population and non-agricultural population",
    quality: "A",
    where:
      "cn-panels prefecture_panel.csv, from GitHub eileenCHEN-9/PhD_2022_2025, data/raw_data/statistics/CRE_Eplwagct.csv (commit ff66ee64ac22f68e47e2289dbeb95cddcecae122)",
  },
];
