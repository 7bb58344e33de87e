// Builds a scenario of one's own: Qujing's `trend` scenario plus a shock (a permanent 8% loss of
// GDP level from 2025, e.g. a large plant closing), checks it like a scenario file, and compares
// the GDP targets under both. Run: npx tsx examples/custom-scenario.ts
import { assessPack, qujingPack, type ScenarioInput, ScenarioSchema } from "regionsim";

const setback: ScenarioInput = {
  id: "trend-setback",
  nameEn: "Trend with a 2025 setback",
  nameZh: "趋势情景（2025年受冲击）",
  description: "The trend scenario, with the city's GDP level 8% lower from 2025 on.",
  extends: "trend",
  shocks: [
    {
      scope: "city",
      indicator: "gdp",
      type: "level",
      size: -0.08,
      from: 2025,
      reason: "An illustrative setback: a large plant closing in 2025.",
    },
  ],
};

// A scenario is plain data: validate it as a file would be (defaults filled in).
const parsed = ScenarioSchema.parse(setback);
console.log(`scenario ${parsed.id} extends ${parsed.extends}: ${parsed.shocks.length} shock(s)`);

const trend = assessPack(qujingPack, "trend");
const shocked = assessPack(qujingPack, setback);
console.log(
  `assessed ${shocked.rows.length} targets under "${trend.scenario}" and "${shocked.scenario}"`,
);

const fmt = (x: number | null | undefined): string =>
  x === null || x === undefined ? "—" : x.toLocaleString("en-US", { maximumFractionDigits: 1 });
for (const id of ["gdp-2035-double", "gdp-rank-top70"]) {
  const before = trend.rows.find((r) => r.targetId === id);
  const after = shocked.rows.find((r) => r.targetId === id);
  if (before === undefined || after === undefined) throw new Error(`no target ${id}`);
  console.log(`\n${id} ${after.nameZh} / ${after.nameEn}`);
  console.log(`  projected   ${fmt(before.projected)} -> ${fmt(after.projected)}`);
  console.log(`  first met   ${before.firstYearMet ?? "—"} -> ${after.firstYearMet ?? "—"}`);
  console.log(`  status      ${before.status} -> ${after.status} ${after.statusZh}`);
}

// The 2035 GDP target is measured on the city's GDP in 2035: a permanent 8% level shock leaves
// 92% of it.
const gdp2035 = (rows: typeof trend.rows) =>
  rows.find((r) => r.targetId === "gdp-2035-double")?.projected ?? Number.NaN;
console.log(
  `\n2035 GDP ratio setback / trend: ${(gdp2035(shocked.rows) / gdp2035(trend.rows)).toFixed(3)}`,
);
