/**
 * Cuts `test/fixtures/panels/county_backtest_extract.csv` from the shared `county_panel.csv`:
 * whole lines, byte for byte, in file order (the header too), of six county-level units chosen
 * for what they exercise in the backtest's county series (test/fixtures/panels/README.md):
 *
 *   530302 麒麟区   a complete series
 *   500110 綦江区   a boundary change (×5.4 in 2011) and a gap (2017)
 *   340321 怀远县   a 2021 value in the wrong unit (about 10⁻⁴ of 2020's)
 *   361102 信州区   no `area_id` (keyed on its code), data from 2012, a gap 2017–2018
 *   530303 沾益区   data from 2016 only (re-coded; its earlier GDP is lost)
 *   532922 漾濞县   a gap in 2011
 *
 * indicators `gdp` and `tertiary_va` from 2005 to 2021, and 麒麟区's `population_hukou` for
 * 2010–2011 (an indicator the series builder must ignore).
 *
 * Run: `npx tsx scripts/backtest/cut-county-fixture.ts [SHARED]` (default `$REGIONSIM_SHARED`,
 * else `../shared`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cnPanelPaths, repoRoot, sharedDir } from "../cn-panels.js";

const OUT = "test/fixtures/panels/county_backtest_extract.csv";
const CODES = new Set(["530302", "500110", "340321", "361102", "530303", "532922"]);

/** Whether a data line of the panel goes into the extract. */
function keep(cells: readonly string[]): boolean {
  const [year, , code, , , , indicator] = cells;
  const y = Number(year);
  if (!CODES.has(code ?? "")) return false;
  if ((indicator === "gdp" || indicator === "tertiary_va") && y >= 2005 && y <= 2021) return true;
  return code === "530302" && indicator === "population_hukou" && (y === 2010 || y === 2011);
}

const path = cnPanelPaths(sharedDir(process.argv[2])).county;
const lines = readFileSync(path, "utf8").split("\n");
const header = lines[0] as string;
const out = [header, ...lines.slice(1).filter((l) => l !== "" && keep(l.split(",")))];
writeFileSync(join(repoRoot, OUT), `${out.join("\n")}\n`);
console.log(`wrote ${OUT}: ${out.length - 1} rows from ${path}`);
