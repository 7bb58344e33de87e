// Hand-built assessments for the report formatters and the CLI tests. Not produced by the
// runner: every number is chosen here, and the derived ones are computed in the comments.
import { expect } from "vitest";
import { ArgumentTypeError } from "../../src/internal/errors.js";
import {
  type Assessment,
  type AssessmentRow,
  AssessmentSchema,
} from "../../src/schemas/assessment.js";

const base: AssessmentRow = {
  targetId: "placeholder",
  nameZh: "占位",
  nameEn: "Placeholder",
  scenario: "trend",
  kind: "level",
  scope: "city",
  indicator: "x",
  year: 2025,
  comparator: ">=",
  target: 1,
  unit: "%",
  projected: null,
  interval: null,
  met: null,
  gap: null,
  latest: null,
  requiredGrowth: null,
  impliedGrowth: null,
  firstYearMet: null,
  expectedProgress: null,
  actualProgress: null,
  probability: null,
  status: "insufficient-data",
  statusZh: "数据不足",
  missing: [],
  notes: [],
};

/** A row with the given fields over a blank, insufficient-data row. */
export function row(fields: Partial<AssessmentRow>): AssessmentRow {
  return { ...base, ...fields };
}

/**
 * urbanization-resident: base 2020 = 50.2, latest 2023 = 53.6, target ≥ 60 in 2025, projected
 * 56.9 with an 80% interval [55.3, 58.4].
 * gap = 56.9 − 60 = −3.1; relative = −3.1 / 60 = −0.0516667 → "-5.2%".
 * required growth = (60 / 53.6)^(1/2) − 1 = 0.0580184 → "+5.8%";
 * implied = (56.9 / 53.6)^(1/2) − 1 = 0.0303238 → "+3.0%";
 * expected progress = (2023 − 2020) / (2025 − 2020) = 0.6 → "60%";
 * actual = (53.6 − 50.2) / (60 − 50.2) = 0.3469388 → "35%".
 */
export const urbanization = row({
  targetId: "urbanization-resident",
  nameZh: "常住人口城镇化率",
  nameEn: "Resident-population urbanization rate",
  indicator: "urbanization",
  target: 60,
  unit: "%",
  projected: 56.9,
  interval: { lower: 55.3, upper: 58.4, level: 0.8 },
  met: false,
  gap: { absolute: -3.1, relative: -0.051666666666666666 },
  latest: { year: 2023, value: 53.6, source: "CSMAR_GH" },
  requiredGrowth: 0.058018423787897344,
  impliedGrowth: 0.03032381520525118,
  expectedProgress: 0.6,
  actualProgress: 0.346938775510204,
  status: "off-track",
  statusZh: "预计难以完成",
  notes: ["Projected with the logistic trend of 2010–2023.", "Quality-C figure for 2021 not used."],
});

/**
 * rd-expenditure: target ≥ 63 (100M yuan) in 2025, latest 2023 = 64.2: already achieved.
 * gap = 66.81 − 63 = 3.81; relative = 3.81 / 63 = 0.0604762 → "+6.0%".
 */
export const rd = row({
  targetId: "rd-expenditure",
  nameZh: "研究与试验发展经费投入",
  nameEn: "R&D expenditure",
  indicator: "rd",
  target: 63,
  unit: "100M yuan",
  projected: 66.81,
  met: true,
  gap: { absolute: 3.8100000000000023, relative: 0.060476190476190524 },
  latest: { year: 2023, value: 64.2, source: "YB" },
  requiredGrowth: 0,
  impliedGrowth: 0.02011,
  firstYearMet: 2023,
  expectedProgress: 0.6,
  actualProgress: 1,
  status: "achieved",
  statusZh: "已完成",
});

/** trade-growth: a growth target that cannot be evaluated (no base-year value). */
export const trade = row({
  targetId: "trade-growth",
  nameZh: "外贸进出口总额年均增长",
  nameEn: "CAGR of total foreign trade",
  kind: "growth",
  indicator: "trade",
  target: 15,
  unit: "%/yr",
  missing: [
    {
      scope: "city",
      indicator: "trade",
      years: [2020],
      minCount: 1,
      why: "the base-year value the growth is measured from",
    },
    {
      scope: "city",
      indicator: "trade",
      years: [2021, 2022, 2023, 2024],
      minCount: 1,
      why: "a recent value, to measure growth so far",
    },
  ],
  notes: ["No trade figures in the pack."],
});

/** central-city-gdp-share: a share target, "about" 65%, simulated probability 0.42. */
export const gdpShare = row({
  targetId: "central-city-gdp-share",
  nameZh: "中心城市地区生产总值占全市比重",
  nameEn: "Central city's share of GDP",
  kind: "share",
  scope: "central-city",
  indicator: "gdp",
  comparator: "about",
  target: 65,
  unit: "%",
  projected: 61.2,
  met: false,
  gap: { absolute: -3.8, relative: -0.05846153846153846 },
  latest: { year: 2023, value: 60.4, source: "YB" },
  requiredGrowth: 0.037,
  impliedGrowth: 0.0066,
  expectedProgress: 0.6,
  actualProgress: 0.12,
  probability: 0.42,
  status: "needs-acceleration",
  statusZh: "需加快进度",
});

/** A Qujing-like assessment under the "trend" scenario. */
export const sampleAssessment: Assessment = AssessmentSchema.parse({
  pack: "qujing",
  scenario: "trend",
  scenarioName: "Trend continuation",
  asOf: 2023,
  rows: [urbanization, rd, trade, gdpShare],
  discrepancies: [
    {
      scope: "city",
      indicator: "gdp",
      year: 2022,
      observed: 3393.92,
      // aggregated = 3393.92 × 1.0021 = 3401.047232; relative = 0.0021 → "+0.21%"
      aggregated: 3401.047232,
      relative: 0.0021,
      placesWithData: ["qilin", "zhanyi", "malong"],
    },
  ],
  readiness: [
    {
      scope: "city",
      indicator: "trade",
      years: [2020],
      minCount: 1,
      why: "the base-year value the growth is measured from",
    },
  ],
  issues: [
    {
      severity: "warning",
      code: "conflicting-source",
      message: "two sources disagree",
      file: "data.csv",
      line: 4,
    },
  ],
});

/** An assessment with nothing to report besides one achieved target. */
export const quietAssessment: Assessment = AssessmentSchema.parse({
  pack: "qujing",
  scenario: "plan",
  scenarioName: "Plan path",
  asOf: 2023,
  rows: [{ ...rd, scenario: "plan" }],
  discrepancies: [],
  readiness: [],
  issues: [],
});

/**
 * Asserts that a report builder refuses numbers that are not finite with an ArgumentTypeError
 * (a TypeError) naming the
 * field (reports would otherwise show "Infinity" or "NaN"; AssessmentSchema admits finite
 * numbers only): an infinite interval bound in one assessment, and a NaN in the second of a list.
 */
export function expectNonFiniteRejected(
  name: string,
  format: (assessment: Assessment | readonly Assessment[]) => string,
): void {
  const [first, ...rest] = sampleAssessment.rows as [AssessmentRow, ...AssessmentRow[]];
  const infinite = {
    ...sampleAssessment,
    rows: [
      { ...first, interval: { lower: 55.3, upper: Number.POSITIVE_INFINITY, level: 0.8 } },
      ...rest,
    ],
  };
  expect(() => format(infinite)).toThrow(
    new ArgumentTypeError(
      `${name}: the assessment does not match AssessmentSchema (rows.0.interval.upper: Invalid input: expected number, received Infinity)`,
      { code: "invalid-type", path: "assessment" },
    ),
  );
  const notANumber = {
    ...quietAssessment,
    rows: [{ ...rd, scenario: "plan", projected: Number.NaN }],
  };
  expect(() => format([sampleAssessment, notANumber])).toThrow(
    new ArgumentTypeError(
      `${name}: the assessment does not match AssessmentSchema (1.rows.0.projected: Invalid input: expected number, received NaN)`,
      { code: "invalid-type", path: "assessment" },
    ),
  );
}
