// Runs every examples/*.ts as `npm run examples` does (tsx, from the repository root) and checks
// the key lines each prints. An example without checks here fails the test: every example must
// print something checkable (STYLE.md §13).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { qujingPack } from "../src/packs/qujing/qujingPack.js";
import { AssessmentSchema } from "../src/schemas/assessment.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
const OUT = mkdtempSync(join(tmpdir(), "regionsim-examples-"));

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function runExample(
  name: string,
  args: string[] = [],
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [TSX, join("examples", name), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What each example must print. */
const checks: Record<string, { args?: string[]; check: (stdout: string) => void }> = {
  "fit-and-project.ts": {
    check: (stdout) => {
      // 2959.4 × 1.065^5 = 4054.634 (Python: 2959.4 * 1.065**5)
      expect(stdout).toContain("\n  2025  4054.63\n");
      // NumPy: polyfit(years, log(y), 1) on y = 100·1.08^k·(1 + 0.01·(−1)^k), k = 0…7, gives a
      // slope of 0.0760086, expm1 = 7.897% a year.
      expect(stdout).toContain("loglinear trend on 8 points: growth 7.90% a year");
      // SciPy: exp(a + b·2025 ± t(0.9, 6)·s·sqrt(1 + 1/8 + (2025 − x̄)²/Sxx)) = 194.51, 203.28
      // around exp(a + b·2025) = 198.85.
      expect(stdout).toContain("  2025  198.85  [194.51, 203.28] (80% interval)");
      expect(stdout).toMatch(
        /holt on 3 points -> fitted "\w+" instead \("holt" needs at least 4 points/,
      );
    },
  },
  "probabilities.ts": {
    check: (stdout) => {
      // The same seed gives the same ensemble on any number of workers.
      expect(stdout).toContain("same result in the calling thread and on 2 workers: true");
      for (const id of ["urbanization-resident", "gdp-rank-top70", "gdp-2035-double"])
        expect(stdout).toMatch(new RegExp(`\\n  ${id} +P = [01]\\.\\d{3}  `));
      // Shocks are mean-zero on the log scale, so the median path is the deterministic one: the
      // standard error of the median is about 1.25·0.25/√20000 ≈ 0.2% (0.25 = the log-scale
      // spread in 2035), so the ratio lies within 1% of 1.
      const ratio = Number(/median \/ projection = ([\d.]+)/.exec(stdout)?.[1]);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
    },
  },
  "analyst-files.ts": {
    check: (stdout) => {
      // 9,058,800 万元 = 905.88 亿元 (×1e4 / 1e8); 宣威's 2021 cell is 「—」, so no row.
      expect(stdout).toContain("qilin gdp 2020: 905.88 100M yuan (from 9058800 万元)\n");
      expect(stdout).toContain("zhanyi gdp 2021: 353.62 100M yuan (from 3536200 万元)\n");
      expect(stdout).toContain("xuanwei gdp 2020: 406.12 100M yuan (from 4061200 万元)\n");
      expect(stdout).not.toContain("xuanwei gdp 2021");
      expect(stdout).toMatch(/\nthe template has \d+ sheets to fill, and a README\n/);
      expect(stdout).toMatch(/\nurbanization-resident: insufficient-data → [a-z-]+ \(projected /);
      // With the county panel (μ = 0.0527040, τ² = 0.00319508, s0² = 0.000357658): the own
      // change (logit 50.56% − logit 49.03%)/2 = (0.0224013 + 0.0388035)/2 = 0.0306024 over
      // T = 2 years weighs w = τ²/(τ² + s0²/2) = 0.94700, drift 0.947·0.0306024 + 0.053·0.0527040
      // = 0.0317739, and 2025 = logit⁻¹(0.0224013 + 3·0.0317739) = 52.94%.
      expect(stdout).toContain("\nwith the county panel: off-track (projected 52.94%)\n");
    },
  },
  "custom-scenario.ts": {
    check: (stdout) => {
      expect(stdout).toContain("scenario trend-setback extends trend: 1 shock(s)");
      expect(stdout).toContain(
        `assessed ${qujingPack.targets.length} targets under "trend" and "trend-setback"`,
      );
      expect(stdout).toMatch(/\ngdp-2035-double .+\n {2}projected {3}[\d,.]+ -> [\d,.]+\n/);
      // A permanent level shock of −8% leaves 1 − 0.08 = 0.92 of the 2035 GDP.
      expect(stdout).toContain("2035 GDP ratio setback / trend: 0.920");
    },
  },
  "pack-from-panel.ts": {
    check: (stdout) => {
      // The committed extract: 272 county rows, 61 prefecture rows (test/fixtures/panels/README.md).
      expect(stdout).toContain("read 272 county rows and 61 prefecture rows\n");
      expect(stdout).toContain("玉溪市 Yuxi (cn-530400): 9 places\n");
      expect(stdout).toContain("  c530403  江川区  district\n");
      expect(stdout).toContain("warning: 2 rows of fdi_used left out\n");
      expect(stdout).toContain("break: population_hukou from 2020\n");
      // 890.16 + 146.74 + 172.26 + 119.48 + 132.52 + 117.62 + 213.86 + 124.26 + 140.64 = 2057.54
      // against the city's 2058.14: 2057.54 / 2058.14 − 1 = −0.029%.
      expect(stdout).toContain("city GDP 2020: own 2058.14, sum of places 2057.54 (-0.03%)\n");
      // The plan scenario grows 红塔区 at the target's 5% a year: exactly 5.00.
      expect(stdout).toMatch(/\nplan {5}hongta-growth-2025 {3}projected 5\.00 on-track\n/);
      expect(stdout).toMatch(/\ndownside gdp-2035-double {6}projected [\d.]+ \S+\n/);
      expect(stdout).toMatch(/\ndisparity secondary_share_pct 2020 \(observed\): Gini 0\.\d{3}\n/);
    },
  },
  "solve-target.ts": {
    check: (stdout) => {
      // The doubling, 2 × 2959.35 = 5918.7 at 2020 prices, assessed under the solution: met,
      // within +0.5%.
      const assessed =
        /assessed under the solved scenario: ([\d.]+) against 5918\.7 \(met: true\)/.exec(stdout);
      expect(assessed).not.toBeNull();
      const ratio = Number(assessed?.[1]) / 5918.7;
      expect(ratio).toBeGreaterThanOrEqual(1);
      expect(ratio).toBeLessThanOrEqual(1.005);
      for (const place of qujingPack.dataset.places)
        expect(stdout).toMatch(new RegExp(`\\n  ${place.id} +-?\\d+\\.\\d\\d% \\(trend `));
      // A fresh seed's probability lies within 0.03 of the 0.8 solved for (the standard error of
      // each run is √(0.8 · 0.2 / 4096) = 0.006).
      const fresh = Number(/fresh seed \(7\): P = ([\d.]+)/.exec(stdout)?.[1]);
      expect(Math.abs(fresh - 0.8)).toBeLessThanOrEqual(0.03);
    },
  },
  "qujing-report.ts": {
    args: [OUT],
    check: (stdout) => {
      expect(stdout.split("\n")[0]).toBe("曲靖市 Qujing: 曲靖市促进区域协调发展实施方案");
      for (const scenario of qujingPack.scenarios) {
        expect(stdout).toContain(`\n曲靖市 Qujing · ${scenario.id} — ${scenario.nameEn}`);
        const stem = join(OUT, `qujing-${scenario.id}`);
        expect(stdout).toContain(`wrote ${stem}.md, ${stem}.json, ${stem}.csv`);
        const json = JSON.parse(readFileSync(`${stem}.json`, "utf8")) as unknown;
        const assessment = AssessmentSchema.parse(json);
        expect(assessment.rows).toHaveLength(qujingPack.targets.length);
        expect(readFileSync(`${stem}.md`, "utf8")).toContain("## Data readiness");
        expect(
          readFileSync(`${stem}.csv`, "utf8").startsWith("\uFEFFpack,scenario,target_id"),
        ).toBe(true);
      }
      // Every target, with both names, in the table.
      for (const target of qujingPack.targets) {
        expect(stdout).toMatch(new RegExp(`\\n${target.id} `));
        expect(stdout).toContain(target.nameZh.slice(0, 8));
      }
      expect(stdout).toContain("Data readiness — what would make the");
      expect(stdout).toContain(`wrote ${join(OUT, "qujing-all-scenarios.md")}`);
      // The trend scenario's HTML report, self-contained, ending with its run record.
      expect(stdout).toContain(`wrote ${join(OUT, "qujing-trend.html")} (open it in a browser)`);
      const html = readFileSync(join(OUT, "qujing-trend.html"), "utf8");
      expect(html).toContain("<svg");
      expect(html).not.toContain("<script");
      expect(html).toMatch(/<footer class="run">运行记录 Run: regionsim /);
      // Its dashboard shows the judged targets only; the readiness section lists the others.
      const dashboard = html.slice(html.indexOf("<table>"), html.indexOf("</table>"));
      const doubling = qujingPack.targets.find((t) => t.id === "gdp-2035-double");
      expect(dashboard).toContain(doubling?.nameZh);
      expect(dashboard).not.toContain("insufficient-data");
      expect(html).toContain("项数据不足的目标未列出");
      // The county table of every scenario: each place of the pack by its Chinese name and id.
      expect(stdout).toContain(
        "\nCounty table 各县（市、区） — gdp (100M yuan), projected to 2025\n",
      );
      for (const place of qujingPack.dataset.places)
        expect(stdout).toContain(`\n  ${place.nameZh} ${place.id} `);
      expect(stdout).toContain("Regional disparity 区域差距");
      const counties = readFileSync(join(OUT, "qujing-all-scenarios-counties.csv"), "utf8");
      expect(counties.startsWith("\uFEFFpack,scenario,scope,kind,name_zh,")).toBe(true);
      // one row per place and group of the pack under each scenario, after the header
      const { places, groups } = qujingPack.dataset;
      expect(counties.trimEnd().split("\r\n")).toHaveLength(
        1 + qujingPack.scenarios.length * (places.length + groups.length),
      );
      expect(stdout).toMatch(/\nStatus by scenario .*\n {2}\S+ {2}trend: /);
      expect(stdout).toMatch(
        new RegExp(`\\n\\d+ of ${qujingPack.targets.length} targets need data`),
      );
    },
  },
};

describe("examples", () => {
  const names = readdirSync(join(ROOT, "examples"))
    .filter((n) => n.endsWith(".ts"))
    .sort();

  it("has checks for every example", () => {
    expect(names.filter((n) => checks[n] === undefined)).toEqual([]);
  });

  for (const name of names) {
    it(`${name} runs and prints what it should`, () => {
      const spec = checks[name];
      const r = runExample(name, spec?.args ?? []);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      spec?.check(r.stdout);
    });
  }
});
