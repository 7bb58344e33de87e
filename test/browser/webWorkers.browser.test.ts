// Simulations on Web Workers (issue #13): a page bundled for browsers with esbuild
// (--platform=browser) from the main entry runs the Qujing trend assessment and a seeded 4,096-path
// simulatePack in headless Chromium, on Web Workers and in the calling thread: the two agree bit
// for bit, and give the projection, probabilities and counts that the same calls give in Node on
// worker threads, quantiles to 1e-12 (test/fixtures/web-workers/page.ts). An abort
// ends the run's Web Workers; a page whose Content-Security-Policy forbids blob: workers runs in
// the calling thread.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeSimulationPool } from "../../src/index.node.js";
import { runQujing } from "../fixtures/web-workers/page.js";
import { describeInChromium, openFile, type PageProblems } from "../helpers/chromium.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");

/** The page's script: the fixture's runQujing on `window`, bundled for browsers from src/index.ts. */
function bundlePage(dir: string, head = ""): string {
  const entry = join(dir, "entry.ts");
  writeFileSync(
    entry,
    `import { abortedRun, runQujing } from ${JSON.stringify(join(ROOT, "test/fixtures/web-workers/page.ts"))};\n` +
      "Object.assign(globalThis, { abortedRun, runQujing });\n",
  );
  const script = join(dir, "page.js");
  const r = spawnSync(
    ESBUILD,
    [
      entry,
      "--bundle",
      "--platform=browser",
      "--format=iife",
      "--minify",
      `--outfile=${script}`,
      `--alias:regionsim=${join(ROOT, "src/index.ts")}`,
      "--log-override:empty-import-meta=silent",
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  const html = join(dir, head === "" ? "index.html" : "restricted.html");
  const code = readFileSync(script, "utf8").replaceAll("</script", "<\\/script");
  writeFileSync(html, `<!DOCTYPE html><meta charset="utf-8">${head}<script>${code}</script>\n`);
  return html;
}

describeInChromium("simulations on Web Workers in Chromium", (browser) => {
  let dir: string;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "regionsim-web-workers-"));
    ({ page, problems } = await openFile(browser(), bundlePage(dir)));
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await closeSimulationPool();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("gives Node's projection and probabilities on Web Workers and in the calling thread", async () => {
    const run = (workers: number) =>
      page.evaluate(
        (w) =>
          (globalThis as unknown as { runQujing: (w: number) => Promise<unknown> }).runQujing(w),
        workers,
      );
    const onWebWorkers = (await run(2)) as Run;
    // The run's two Web Workers are kept, idle, for the next run (the pool's warm threads).
    expect(page.workers().length).toBe(2);
    const inPage = (await run(0)) as Run;
    const inNode = (await runQujing(2)) as Run;
    // In the same browser, Web Workers and the calling thread agree bit for bit, on everything.
    expect(JSON.stringify(onWebWorkers)).toBe(JSON.stringify(inPage));
    // With Node: the same projection of every target, the same probabilities, the same counts.
    expect(JSON.stringify(onWebWorkers.projected)).toBe(JSON.stringify(inNode.projected));
    expect(JSON.stringify(onWebWorkers.probabilities)).toBe(JSON.stringify(inNode.probabilities));
    expect(onWebWorkers.simulation.state.met).toEqual(inNode.simulation.state.met);
    expect(onWebWorkers.simulation.state.firstYear).toEqual(inNode.simulation.state.firstYear);
    // Quantiles and histogram grids may differ in their last bits: ECMAScript leaves Math.exp,
    // Math.log and Math.pow "implementation-approximated" (ECMA-262 §21.3.2), and Chromium's V8
    // and Node 20's give different last bits for some arguments (about 10% of 20,000 arguments
    // of Math.exp, 4.5% of Math.log). Every number agrees to 1e-12 relative.
    expect(largestRelativeDifference(onWebWorkers.simulation, inNode.simulation)).toBeLessThan(
      1e-12,
    );
    // Not empty: a projection per target, a probability per simulated target, 4 blocks of 1,024.
    expect(inNode.projected.length).toBeGreaterThan(0);
    expect(inNode.probabilities.length).toBe(4);
    expect(inNode.blocks).toBe(4096 / 1024);
    expect(problems.consoleErrors, "console errors").toEqual([]);
    expect(problems.pageErrors, "page errors").toEqual([]);
    expect(problems.requestsOut, "requests that leave the file").toEqual([]);
  });

  it("an abort rejects with an AbortError and ends the run's Web Workers; the next run is the same", async () => {
    const run = (workers: number) =>
      page.evaluate(
        (w) =>
          (globalThis as unknown as { runQujing: (w: number) => Promise<unknown> }).runQujing(w),
        workers,
      );
    const before = JSON.stringify(await run(2));
    expect(page.workers()).toHaveLength(2);
    const aborted = await page.evaluate(() =>
      (
        globalThis as unknown as { abortedRun: () => Promise<{ error: string; blocks: number }> }
      ).abortedRun(),
    );
    // Aborted at the first of 16 blocks: the two idle workers it took are terminated.
    expect(aborted).toEqual({ error: "AbortError", blocks: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(page.workers()).toHaveLength(0);
    expect(JSON.stringify(await run(2))).toBe(before);
    expect(page.workers()).toHaveLength(2);
  });

  it("runs in the calling thread, with the same result, where the page forbids workers", async () => {
    // A Content-Security-Policy without blob: workers: new Worker(blob URL) throws a SecurityError.
    const csp =
      "<meta http-equiv=\"Content-Security-Policy\" content=\"worker-src 'none'; script-src 'unsafe-inline'\">";
    const restricted = await openFile(browser(), bundlePage(dir, csp));
    try {
      const result = await restricted.page.evaluate(() =>
        (globalThis as unknown as { runQujing: (w: number) => Promise<unknown> }).runQujing(2),
      );
      expect(restricted.page.workers()).toHaveLength(0);
      const inPage = await page.evaluate(() =>
        (globalThis as unknown as { runQujing: (w: number) => Promise<unknown> }).runQujing(0),
      );
      expect(JSON.stringify(result)).toBe(JSON.stringify(inPage));
      expect(restricted.problems.pageErrors).toEqual([]);
    } finally {
      await restricted.page.close();
    }
  });

  it("the comparison catches a difference of one part in 1e11", () => {
    expect(largestRelativeDifference({ a: [1, 2] }, { a: [1, 2 * (1 + 1e-11)] })).toBeGreaterThan(
      1e-12,
    );
    expect(() => largestRelativeDifference({ a: "x" }, { a: "y" })).toThrow(/differs/);
  });
});

/** What the page's runQujing returns (the parts compared). */
interface Run {
  readonly projected: unknown[];
  readonly probabilities: [string, number][];
  readonly blocks: number;
  readonly simulation: { readonly state: { readonly met: number[]; readonly firstYear: number[] } };
}

/**
 * The largest relative difference between the numbers of two values of the same shape; throws
 * where anything else differs (a string, a length, a key), except the plan's fingerprint (a hash
 * of the compiled plan's numbers).
 */
function largestRelativeDifference(a: unknown, b: unknown, path = ""): number {
  if (typeof a === "number" && typeof b === "number")
    return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length)
    return Math.max(0, ...a.map((x, k) => largestRelativeDifference(x, b[k], `${path}[${k}]`)));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = Object.keys(a);
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(b))) throw new Error(`${path} differs`);
    return Math.max(
      0,
      ...keys
        .filter((k) => k !== "fingerprint")
        .map((k) =>
          largestRelativeDifference(
            (a as Record<string, unknown>)[k],
            (b as Record<string, unknown>)[k],
            `${path}.${k}`,
          ),
        ),
    );
  }
  if (a !== b) throw new Error(`${path} differs: ${String(a)} and ${String(b)}`);
  return 0;
}
