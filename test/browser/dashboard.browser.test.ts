// The example dashboard (examples/web) built with its build script and opened in Chromium: no
// console error, page error or request out of the folder; the first run fills the target table
// and the fan chart, with its simulation on Web Workers; moving a slider shows progress and
// changes the table, to what assessPack gives in Node for the same scenario. Saves a screenshot:
// into out/screenshots/, or into docs/images/ with REGIONSIM_UPDATE_SCREENSHOTS=1.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assessPack, qujingPack } from "../../src/index.node.js";
import { describeInChromium, openFile, type PageProblems } from "../helpers/chromium.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS =
  process.env.REGIONSIM_UPDATE_SCREENSHOTS === "1"
    ? join(ROOT, "docs", "images")
    : join(ROOT, "out", "screenshots");

/** Waits until the page has finished `runs` simulations. */
function ready(page: Page, runs: number): Promise<unknown> {
  return page.waitForFunction(
    (n) => document.body.dataset.state === "ready" && Number(document.body.dataset.runs) >= n,
    { timeout: 60_000 },
    runs,
  );
}

/** The target table's cells, row by row. */
function table(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("#targets tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
    ),
  );
}

/** How many sliders the page has. */
function sliders(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll("input[type=range]").length);
}

/** The same table's projected value of a target, as a number (the cells use zh-CN grouping). */
const projectedIn = (rows: string[][], nameZh: string): number =>
  Number(rows.find((r) => r[0] === nameZh)?.[3]?.replaceAll(",", ""));

describeInChromium("the example dashboard in Chromium", (browser) => {
  let dir: string;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "regionsim-dashboard-"));
    const built = spawnSync(process.execPath, [join(ROOT, "examples/web/build.mjs"), dir], {
      encoding: "utf8",
    });
    if (built.status !== 0) throw new Error(`examples/web/build.mjs failed: ${built.stderr}`);
    ({ page, problems } = await openFile(browser(), join(dir, "index.html")));
    await page.setViewport({ width: 1100, height: 760, deviceScaleFactor: 1 });
    await ready(page, 1);
  }, 90_000);

  afterAll(async () => {
    await page?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("fills the table and the fan chart, simulating on Web Workers", async () => {
    const rows = await table(page);
    const judged = assessPack(qujingPack, "trend").rows.filter(
      (r) => r.status !== "insufficient-data",
    );
    expect(rows.map((r) => r[0])).toEqual(judged.map((r) => r.nameZh));
    // Every judged target has a probability from the run, shown as a percentage.
    for (const row of rows) expect(row[4]).toMatch(/^\d+(\.\d)?%$/);
    const fan = await page.evaluate(() => ({
      bands: document.querySelectorAll("#fan svg path.band").length,
      median: document.querySelectorAll("#fan svg path.median").length,
      threshold: document.querySelectorAll("#fan svg line.threshold").length,
    }));
    expect(fan).toEqual({ bands: 3, median: 1, threshold: 1 });
    // The simulation's blocks ran off the main thread: its Web Workers are kept for the next run.
    expect(page.workers().length).toBeGreaterThanOrEqual(2);
  });

  it("changes the table when a slider moves, with progress shown, as assessPack does in Node", async () => {
    const before = await table(page);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const text = document.querySelector("#progress span")!;
      new MutationObserver(() => seen.push(text.textContent ?? "")).observe(text, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      const input = document.querySelector<HTMLInputElement>("#growth-city")!;
      input.value = "0.09";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await ready(page, 2);
    const after = await table(page);
    expect(after).not.toEqual(before);
    const progress = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progress.some((t) => /^模拟中 \d+%$/.test(t))).toBe(true);
    expect(progress[progress.length - 1]).toBe("完成 4,096 条路径");
    // The dashboard's scenario with the city's GDP at 9% a year and the places with GDP data at
    // 6% (the sliders' default), in Node.
    const places = [
      "city",
      ...qujingPack.dataset.places
        .filter((p) =>
          qujingPack.dataset.observations.some((o) => o.place === p.id && o.indicator === "gdp"),
        )
        .map((p) => p.id),
    ];
    // One slider each, and one for the shock.
    expect(places).toHaveLength((await sliders(page)) - 1);
    const node = assessPack(qujingPack, {
      id: "dashboard",
      nameEn: "Dashboard assumptions",
      description: "The dashboard's sliders.",
      extends: "trend",
      models: places.map((scope) => ({
        scope,
        indicator: "gdp",
        spec: { kind: "cagr" as const, rate: scope === "city" ? 0.09 : 0.06 },
        reason: "Set on the dashboard.",
      })),
    });
    const gdp = node.rows.find((r) => r.targetId === "gdp-2035-double")!;
    expect(projectedIn(after, gdp.nameZh)).toBe(Math.round(gdp.projected!));
    expect(projectedIn(after, gdp.nameZh)).toBeGreaterThan(projectedIn(before, gdp.nameZh));
  });

  it("loads with no console error, no page error and no request out of the folder", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "dashboard.png") });
    expect(problems.consoleErrors, "console errors").toEqual([]);
    expect(problems.pageErrors, "page errors").toEqual([]);
    expect(problems.requestsOut, "requests that leave the file").toEqual([]);
  });
});
