// docs/convergence.md shows what regionsim disparity prints for Qujing, and its chart spec
// compiles with the data sigmaChartValues gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "vega-lite";
import { describe, expect, it } from "vitest";
import { convergence } from "../../src/analysis/convergence.js";
import { sigmaChartValues } from "../../src/analysis/sigmaChartValues.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { builtIn } from "../cli/runCliHarness.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const doc = readFileSync(join(ROOT, "docs", "convergence.md"), "utf8");

describe("docs/convergence.md", () => {
  it("pastes what its command prints", async () => {
    const command = /`regionsim (disparity [^`]+)`\n\(this version/.exec(doc)?.[1];
    expect(command).toBe(
      "disparity --pack qujing --scenario trend --control fixed_asset_investment/gdp",
    );
    const pasted = /```text\n([\s\S]*?)```/.exec(doc)?.[1];
    const r = await builtIn((command as string).split(" "));
    expect(r.code).toBe(0);
    expect(pasted).toBe(r.stdout);
  });

  it("its Vega-Lite spec compiles with the chart values of Qujing", () => {
    const spec = /```json\n([\s\S]*?)```/.exec(doc)?.[1] as string;
    const values = sigmaChartValues(convergence(qujingPack, "trend").sigma);
    const filled = spec
      .replace('"<points>"', JSON.stringify(values.points))
      .replace('"<breaks>"', JSON.stringify(values.breaks));
    const compiled = compile(JSON.parse(filled));
    expect(compiled.spec.marks?.length).toBeGreaterThan(0);
    expect(values.breaks.map((b) => b.year)).toEqual([2019, 2020]);
  });
});
