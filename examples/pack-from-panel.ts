// Builds a region pack for 玉溪市 (Yuxi, 530400) from a county panel and a prefecture panel in the
// shape of cn-panels' county_panel.csv and prefecture_panel.csv, adds targets, and assesses them.
// Run: npx tsx examples/pack-from-panel.ts [county.csv prefecture.csv [city]]
// Without arguments it reads the small Yuxi extract committed under test/fixtures/panels/ (in a
// clone of the repository; the published package carries no panel rows).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  assessPack,
  buildPackFromPanel,
  formatIssue,
  readCityPanel,
  readCountyPanel,
  readTargetsJson,
} from "regionsim";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../test/fixtures/panels/${name}`, import.meta.url));
const [
  countyPath = fixture("yuxi_county_panel.csv"),
  cityPath = fixture("yuxi_prefecture_panel.csv"),
  cityName = "玉溪",
] = process.argv.slice(2);
if (!existsSync(countyPath)) {
  console.error(
    `pack-from-panel: ${countyPath} not found; give a county panel and a prefecture panel: npx tsx examples/pack-from-panel.ts county_panel.csv prefecture_panel.csv 530400`,
  );
  process.exit(2);
}

// 1. Read the panels. Every problem would be an issue with its file and line.
const county = readCountyPanel(readFileSync(countyPath, "utf8"), { file: countyPath });
const city = readCityPanel(readFileSync(cityPath, "utf8"), { file: cityPath });
if (!county.ok || !city.ok) {
  for (const issue of [...county.issues, ...city.issues]) console.error(formatIssue(issue));
  process.exit(1);
}
console.log(`read ${county.value.length} county rows and ${city.value.length} prefecture rows`);

// 2. Build the pack: the city's county-level units, the city as a group, sources, breaks and the
//    scenarios trend, plan and downside. Rows it leaves out are reported as warnings.
const first = buildPackFromPanel(county.value, { city: cityName, prefectureRows: city.value });
if (!first.ok) throw new Error(first.issues.map(formatIssue).join("\n"));
const pack0 = first.value;
console.log(`${pack0.nameZh} ${pack0.nameEn} (${pack0.id}): ${pack0.dataset.places.length} places`);
for (const p of pack0.dataset.places) console.log(`  ${p.id}  ${p.nameZh}  ${p.kind}`);
for (const issue of first.issues) console.log(`warning: ${issue.message.split(":")[0]}`);
for (const b of pack0.dataset.breaks) console.log(`break: ${b.indicator} from ${b.year}`);

// 3. Targets name the pack's ids (city, c530402, gdp): read them against the pack, then rebuild
//    with them, so that the plan scenario follows them.
const targetsPath = fixture("yuxi_targets.json");
const withTargets = existsSync(targetsPath)
  ? readTargetsJson(readFileSync(targetsPath, "utf8"), pack0.dataset, { file: targetsPath })
  : undefined;
const built =
  withTargets?.ok === true
    ? buildPackFromPanel(county.value, {
        city: cityName,
        prefectureRows: city.value,
        targets: withTargets.value,
      })
    : first;
if (!built.ok) throw new Error(built.issues.map(formatIssue).join("\n"));
const pack = built.value;

// 4. The city's own GDP beside the sum of its places: the check the assessment's discrepancies make.
const trend = assessPack(pack, "trend");
for (const d of trend.discrepancies.filter((x) => x.indicator === "gdp"))
  console.log(
    `city GDP ${d.year}: own ${d.observed.toFixed(2)}, sum of places ${d.aggregated.toFixed(2)} (${(100 * d.relative).toFixed(2)}%)`,
  );

// 5. Every target under each scenario, and the disparity of the industry structure.
for (const scenario of pack.scenarios) {
  const assessment = scenario.id === "trend" ? trend : assessPack(pack, scenario.id);
  for (const row of assessment.rows)
    console.log(
      `${scenario.id.padEnd(8)} ${row.targetId.padEnd(20)} projected ${row.projected?.toFixed(2) ?? "—"} ${row.status}`,
    );
}
for (const d of trend.disparity ?? [])
  console.log(
    `disparity ${d.indicator} ${d.year} (${d.basis}): Gini ${d.measures?.gini.toFixed(3) ?? "—"}`,
  );
