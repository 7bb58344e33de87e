// Fits models to short annual series and projects them: the building blocks a scenario uses for
// each place and indicator. Run: npx tsx examples/fit-and-project.ts
import { fitModel, projectModel } from "regionsim";

const fixed = (x: number, digits = 2): string => x.toFixed(digits);

// 1. A constant growth rate (rates are fractions: 0.065 = 6.5% a year) from one observation:
//    GDP 2959.4 (100M yuan) in 2020.
const cagr = fitModel({ kind: "cagr", rate: 0.065 }, { years: [2020], values: [2959.4] });
const cagrPath = projectModel(cagr, { toYear: 2025 });
console.log("cagr 6.5% a year from 2959.4 in 2020:");
for (const [h, year] of cagrPath.years.entries())
  console.log(`  ${year}  ${fixed(cagrPath.values[h] as number)}`);

// 2. A log-linear trend (least squares on log values) fitted to eight years that grow about 8% a
//    year with ±1% noise, projected with an 80% prediction interval.
const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
const values = years.map((_, k) => 100 * 1.08 ** k * (1 + 0.01 * (-1) ** k));
const trend = fitModel({ kind: "trend", form: "loglinear" }, { years, values });
if (trend.kind !== "trend") throw new Error(`expected a trend fit (got "${trend.kind}")`);
const slope = trend.params.slope;
console.log(
  `\nloglinear trend on ${trend.n} points: growth ${fixed(100 * Math.expm1(slope))}% a year`,
);
const trendPath = projectModel(trend, { toYear: 2025, level: 0.8 });
trendPath.years.forEach((year, h) => {
  const lower = trendPath.lower?.[h] as number;
  const upper = trendPath.upper?.[h] as number;
  console.log(
    `  ${year}  ${fixed(trendPath.values[h] as number)}  [${fixed(lower)}, ${fixed(upper)}] (80% interval)`,
  );
});

// 3. Short series are the norm: a model that needs more points falls back to a simpler one and
//    says so.
const short = fitModel({ kind: "holt" }, { years: [2021, 2022, 2023], values: [10, 11, 12.5] });
console.log(
  `\nholt on 3 points -> fitted "${short.kind}" instead (${short.fallback?.reason ?? "no fallback"})`,
);
