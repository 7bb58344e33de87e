// The screenshots of the HTML report in docs/images (taken by test/browser with
// REGIONSIM_UPDATE_SCREENSHOTS=1): each is there, a small PNG, shown in docs/reports.md, the
// dashboard in the README; and the figures their captions quote are those of the run they show.
// (report-dashboard-end.png, the dashboard's last rows, went when the pictures took the judged
// targets only: report-dashboard.png shows the whole dashboard.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { withSimulationDetail } from "../../src/cli/internal/simulationDetail.js";
import { qujingPack, simulatePack } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path));

const SCREENSHOTS = ["report-dashboard.png", "report-fan-chart.png", "report-places.png"];

describe("the screenshots of the HTML report", () => {
  it("are PNG files under 300 KB; the dashboard is as wide as an A4 sheet at 96 dpi (794 px)", () => {
    for (const name of SCREENSHOTS) {
      const png = read(`docs/images/${name}`);
      // The PNG signature, then the IHDR chunk: width and height, big-endian (RFC 2083, §11.2.2).
      expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
      expect(png.length, name).toBeLessThan(300_000);
      if (name.startsWith("report-dashboard")) expect(png.readUInt32BE(16), name).toBe(794);
    }
  });

  it("are shown in docs/reports.md, and the dashboard in the README", () => {
    const reports = read("docs/reports.md").toString("utf8");
    for (const name of SCREENSHOTS) expect(reports).toContain(`](images/${name})`);
    expect(read("README.md").toString("utf8")).toContain("](docs/images/report-dashboard.png)");
  });

  it("quote the figures of the run they show (the trend scenario, 4,000 paths, seed 7)", async () => {
    const run = withSimulationDetail(
      await simulatePack(qujingPack, "trend", { paths: 4000, seed: 7 }),
    );
    const reports = read("docs/reports.md").toString("utf8");
    const percent = (id: string) =>
      `${Math.round((run.rows.find((r) => r.targetId === id)?.probability ?? Number.NaN) * 100)}%`;
    expect(reports).toContain(`probability ${percent("gdp-rank-top70")})`);
    expect(reports).toContain(`probability ${percent("gdp-2035-double")})`);
    const fan = run.simulation?.targets?.find((t) => t.targetId === "gdp-2035-double")?.fan;
    const median = run.simulation?.quantiles?.indexOf(0.5) ?? -1;
    const in2035 = fan?.quantiles[fan.years.indexOf(2035)]?.[median] ?? Number.NaN;
    expect(reports).toContain(`to ${Math.round(in2035).toLocaleString("en-US")} in 2035`);
  });
});
