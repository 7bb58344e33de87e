// The main job (`npm start`): assess every target of Qujing's 2021 plan for regional coordinated
// development (《曲靖市促进区域协调发展实施方案》) under each named scenario; print the table of
// every target (Chinese and English names), the growth the central city needs over the rest of
// the city, the data-readiness list, the county table 各县（市、区） (every place's GDP, latest and
// projected with its interval) and the regional disparity of GDP per capita; write the same as
// Markdown, JSON and CSV under out/ (or the folder given as the first argument), and the county
// tables of every scenario as one CSV; and the trend scenario as an HTML report with charts (the
// judged targets on its dashboard).
//
// Run: npm start            or   npx tsx examples/qujing-report.ts [out-dir]
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type Assessment,
  assessPack,
  formatAssessmentCsv,
  formatAssessmentMarkdown,
  formatAssessmentText,
  qujingPack,
  renderReport,
  writeAssessmentFiles,
} from "regionsim";

const outDir = process.argv[2] ?? "out";
const pack = qujingPack;

console.log(`${pack.nameZh} ${pack.nameEn}: ${pack.plan.titleZh}`);
console.log(`${pack.plan.titleEn} (issued ${pack.plan.issued}, base year ${pack.plan.baseYear})`);
console.log(
  `${pack.targets.length} targets, ${pack.dataset.observations.length} observations, ` +
    `scenarios: ${pack.scenarios.map((s) => s.id).join(", ")}`,
);

const assessments: Assessment[] = [];
for (const scenario of pack.scenarios) {
  const assessment = assessPack(pack, scenario.id);
  const title =
    `${pack.nameZh} ${pack.nameEn} · ${scenario.id} — ${scenario.nameEn}` +
    (scenario.nameZh === undefined ? "" : ` ${scenario.nameZh}`);
  console.log(`\n${"=".repeat(100)}`);
  process.stdout.write(formatAssessmentText(assessment, { title }));
  const files = await writeAssessmentFiles(assessment, outDir, { title });
  console.log(`\nwrote ${files.markdown}, ${files.json}, ${files.csv}`);
  assessments.push(assessment);
}

// Every scenario in one Markdown document and one CSV, to compare them side by side.
const allTitle = `${pack.nameZh} ${pack.nameEn}: assessment of the plan targets under every scenario`;
const allMarkdown = join(outDir, `${pack.id}-all-scenarios.md`);
const allCsv = join(outDir, `${pack.id}-all-scenarios.csv`);
const countiesCsv = join(outDir, `${pack.id}-all-scenarios-counties.csv`);
await writeFile(allMarkdown, formatAssessmentMarkdown(assessments, { title: allTitle }), "utf8");
await writeFile(allCsv, formatAssessmentCsv(assessments), "utf8");
await writeFile(countiesCsv, formatAssessmentCsv(assessments, { table: "places" }), "utf8");
console.log(`\n${"=".repeat(100)}`);
console.log(`wrote ${allMarkdown}, ${allCsv}, ${countiesCsv}`);

// The trend scenario as one self-contained HTML report with charts, to open in a browser or print:
// its dashboard shows the targets the data can judge (three of Qujing's 30); its data-readiness
// section lists the others with what each needs.
const trend = assessments.find((a) => a.scenario === "trend");
if (trend !== undefined) {
  const htmlFile = join(outDir, `${pack.id}-trend.html`);
  const html = await renderReport(trend, { format: "html", pack, only: "judged" });
  await writeFile(htmlFile, html, "utf8");
  console.log(`wrote ${htmlFile} (open it in a browser)`);
}

// The status of every target that at least one scenario can evaluate, scenario by scenario.
console.log("\nStatus by scenario (targets some scenario can evaluate):");
for (const target of pack.targets) {
  const rows = assessments.map((a) => a.rows.find((r) => r.targetId === target.id));
  if (rows.every((r) => r === undefined || r.status === "insufficient-data")) continue;
  const cells = rows.map(
    (r, i) => `${assessments[i]?.scenario}: ${r?.status ?? "—"} ${r?.statusZh ?? ""}`,
  );
  console.log(`  ${target.id}  ${cells.join(" | ")}`);
}
const unevaluable = pack.targets.filter((t) =>
  assessments.every((a) => a.rows.find((r) => r.targetId === t.id)?.status === "insufficient-data"),
);
console.log(
  `${unevaluable.length} of ${pack.targets.length} targets need data under every scenario ` +
    "(see the data-readiness lists above).",
);
