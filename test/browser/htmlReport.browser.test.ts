// The HTML report in a real browser (Chromium through puppeteer-core): the Qujing trend scenario,
// deterministic with every target, and simulated with the judged targets only, opened from a
// file. It loads without errors and without a request out of the file, draws every chart it
// promises with marks in each (fan charts of judged targets only, small multiples without an
// axis under an empty cell), sets the Chinese text in a CJK font of its style sheet, fits an A4
// page and prints on A4. It saves screenshots: into out/screenshots/, or into docs/images/ with
// REGIONSIM_UPDATE_SCREENSHOTS=1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSimulationDetail } from "../../src/cli/internal/simulationDetail.js";
import {
  type Assessment,
  assessPack,
  qujingPack,
  renderReport,
  simulatePack,
  vegaLiteSpecs,
} from "../../src/index.js";
import { REPORT_CSS } from "../../src/report/internal/htmlParts.js";
import { describeInChromium, openFile, type PageProblems } from "../helpers/chromium.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCREENSHOTS =
  process.env.REGIONSIM_UPDATE_SCREENSHOTS === "1"
    ? join(ROOT, "docs", "images")
    : join(ROOT, "out", "screenshots");
/** The run record's date, fixed so the report (and its screenshots) change only with the code. */
const DATE = "2026-03-31";
const PATHS = 4000;
const SEED = 7;

/** CSS pixels per millimetre: 96 px to the inch of 25.4 mm (CSS Values and Units 4, §6.2). */
const PX_PER_MM = 96 / 25.4;
/** An A4 sheet is 210 mm wide (ISO 216). */
const A4_WIDTH_MM = 210;

/** The left and right margins of the report's `@page` rule, in mm (`margin: 16mm 14mm` → 14). */
function pageSideMarginMm(): number {
  const rule = /@page\s*\{[^}]*margin:\s*([\d.]+)mm(?:\s+([\d.]+)mm)?/.exec(REPORT_CSS);
  if (rule === null) throw new Error("the report's style sheet has no @page margin in mm");
  return Number(rule[2] ?? rule[1]);
}

/** The elements of the page wider than the body or reaching past it, and the document's width. */
function overflow(page: Page): Promise<{ docWidth: number; viewport: number; over: string[] }> {
  return page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    const blocks = document.body.querySelectorAll(
      "h1, h2, h3, p, ul, table, figure, figure > svg, section, footer",
    );
    const over = [...blocks]
      .filter((e) => e.getBoundingClientRect().right > body.right + 0.5)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").slice(0, 40)}…"`);
    return { docWidth: document.documentElement.scrollWidth, viewport: innerWidth, over };
  });
}

/** Per section (by its heading), each figure's label and how many of its data marks are drawn. */
function chartsBySection(page: Page): Promise<
  {
    heading: string;
    charts: { label: string; marks: number; bands: number }[];
  }[]
> {
  return page.evaluate(() =>
    [...document.querySelectorAll("section")].map((section) => ({
      heading: section.querySelector("h2")?.textContent ?? "",
      charts: [...section.querySelectorAll("figure")].map((figure) => {
        const drawn = (selector: string) =>
          [...figure.querySelectorAll(selector)].filter((e) => {
            const box = e.getBoundingClientRect();
            return box.width > 0 || box.height > 0;
          }).length;
        return {
          label: figure.getAttribute("aria-label") ?? "",
          // vega puts the data marks in groups of class role-mark (axes, legends and titles have
          // roles of their own): lines, areas, symbols are paths, rules are lines.
          marks: drawn("svg g.role-mark :is(path, line, rect, circle)"),
          bands: drawn("svg g.mark-area.role-mark path"),
        };
      }),
    })),
  );
}

type Clip = { x: number; y: number; width: number; height: number };

/**
 * The x-axes of a faceted figure (small multiples) that have no panel right above them: a
 * horizontal axis line whose ends are not those of a panel (within 2 px), or that lies more than
 * 16 px below that panel's bottom edge (vega draws shared x-axes in a footer row a few pixels
 * under the last row; under an empty cell the nearest panel is a whole row, over 100 px, above).
 */
function axesWithoutPanel(page: Page, labelPrefix: string): Promise<number | null> {
  return page.evaluate((prefix) => {
    const figure = [...document.querySelectorAll("figure")].find((f) =>
      f.getAttribute("aria-label")?.startsWith(prefix),
    );
    if (figure === undefined) return null;
    const panels = [...figure.querySelectorAll("g.cell > g > path.background")].map((p) =>
      p.getBoundingClientRect(),
    );
    const axes = [...figure.querySelectorAll("g.role-axis-domain line")]
      .map((l) => l.getBoundingClientRect())
      .filter((r) => r.width > r.height);
    const near = (a: number, b: number) => Math.abs(a - b) <= 2;
    return axes.filter(
      (a) =>
        !panels.some(
          (p) =>
            near(p.left, a.left) &&
            near(p.right, a.right) &&
            a.top >= p.bottom - 2 &&
            a.top <= p.bottom + 16,
        ),
    ).length;
  }, labelPrefix);
}

/**
 * The parts of the page to screenshot, in page coordinates (8 px of margin around a figure): the
 * top of the report down to the end of the dashboard (with `only: "judged"`, the judged targets
 * of the Qujing pack with their 序时进度 bars and probability); the GDP-2035 fan chart; the
 * county small multiples.
 */
function screenshotRegions(page: Page): Promise<Record<string, Clip | null>> {
  return page.evaluate(() => {
    const box = (e: Element | undefined) => {
      const r = e?.getBoundingClientRect();
      return r === undefined ? null : { top: r.top + scrollY, bottom: r.bottom + scrollY, r };
    };
    const width = document.documentElement.clientWidth;
    const table = box(document.querySelector("table") ?? undefined);
    const figure = (prefix: string) => {
      const found = [...document.querySelectorAll("figure")].find((f) =>
        f.getAttribute("aria-label")?.startsWith(prefix),
      );
      const b = box(found);
      return b === null
        ? null
        : {
            x: Math.max(0, Math.floor(b.r.left - 8)),
            y: Math.floor(b.top - 8),
            width: Math.ceil(b.r.width + 16),
            height: Math.ceil(b.bottom - b.top + 16),
          };
    };
    return {
      "report-dashboard.png":
        table === null ? null : { x: 0, y: 0, width, height: Math.ceil(table.bottom + 10) },
      "report-fan-chart.png": figure("2035年"),
      "report-places.png": figure("各县"),
    };
  });
}

interface Variant {
  readonly name: string;
  readonly file: string;
  readonly assess: () => Promise<Assessment>;
  /** The rows of the dashboard: every target, or the judged ones (as `npm start` writes it). */
  readonly only: "all" | "judged";
  /** Bands of the GDP-2035 fan chart: the model's 80% interval, or the simulated 50/80/95%. */
  readonly gdpBands: number;
  readonly screenshots: boolean;
}

const VARIANTS: readonly Variant[] = [
  {
    name: "deterministic",
    file: "qujing-trend.html",
    assess: async () => assessPack(qujingPack, "trend"),
    only: "all",
    gdpBands: 1,
    screenshots: false,
  },
  {
    name: `simulated (${PATHS} paths, seed ${SEED}), judged targets only`,
    file: "qujing-trend-simulated.html",
    // As `regionsim report --paths --only judged` does: the run's quantiles go into the assessment.
    assess: async () =>
      withSimulationDetail(await simulatePack(qujingPack, "trend", { paths: PATHS, seed: SEED })),
    only: "judged",
    gdpBands: 3,
    screenshots: true,
  },
];

describeInChromium("the HTML report in Chromium", (browser) => {
  it("the page check catches a request out of the file, a console error and a page error", async () => {
    // A control: the same check that the report must pass fails this page on all three counts.
    const dir = mkdtempSync(join(tmpdir(), "regionsim-browser-"));
    try {
      const file = join(dir, "leaky.html");
      writeFileSync(
        file,
        '<!DOCTYPE html><img src="https://example.invalid/x.png" alt=""><script>console.error("boom"); throw new Error("bang");</script>',
      );
      const { page, problems } = await openFile(browser(), file);
      await page.close();
      expect(problems.requestsOut).toEqual(["https://example.invalid/x.png"]);
      expect(problems.consoleErrors.some((m) => m.includes("boom"))).toBe(true);
      expect(problems.pageErrors.some((m) => m.includes("bang"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const variant of VARIANTS) {
    describe(`Qujing trend, ${variant.name}`, () => {
      let dir: string;
      let assessment: Assessment;
      let page: Page;
      let problems: PageProblems;

      beforeAll(async () => {
        assessment = await variant.assess();
        const html = await renderReport(assessment, {
          format: "html",
          pack: qujingPack,
          date: DATE,
          only: variant.only,
        });
        dir = mkdtempSync(join(tmpdir(), "regionsim-browser-"));
        const file = join(dir, variant.file);
        writeFileSync(file, html, "utf8");
        ({ page, problems } = await openFile(browser(), file));
      }, 60_000);

      afterAll(async () => {
        await page?.close();
        if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      });

      it("loads with no console error, no page error and no request but the file itself", () => {
        expect(problems.consoleErrors, "console errors").toEqual([]);
        expect(problems.pageErrors, "page errors").toEqual([]);
        expect(problems.requestsOut, "requests that leave the file").toEqual([]);
      });

      it("draws every chart it promises, each with data marks", async () => {
        const sections = await chartsBySection(page);
        // renderHtmlReport draws one figure per spec of vegaLiteSpecs (of the rows it shows),
        // titled by the spec's title: the fan charts under 目标预测, the shares, places and
        // disparity under 各县（市、区）….
        const shown =
          variant.only === "judged"
            ? {
                ...assessment,
                rows: assessment.rows.filter((r) => r.status !== "insufficient-data"),
              }
            : assessment;
        const specs = Object.entries(vegaLiteSpecs(shown, { pack: qujingPack }));
        const labels = (prefixes: readonly string[]) =>
          prefixes.flatMap((p) =>
            specs.filter(([name]) => name.startsWith(p)).map(([, s]) => s.title.text.join(" · ")),
          );
        const fans = sections.find((s) => s.heading.startsWith("目标预测"))?.charts ?? [];
        const places = sections.find((s) => s.heading.startsWith("各县"))?.charts ?? [];
        expect(fans.map((c) => c.label)).toEqual(labels(["fan-"]));
        expect(places.map((c) => c.label)).toEqual(
          labels(["places-", "share-", "disparity-", "convergence-"]),
        );
        expect(sections.flatMap((s) => s.charts)).toHaveLength(specs.length);
        // Independently of the specs: a level or growth target with a projected value has a fan
        // chart, a target the assessment cannot judge has none (Qujing's resident urbanization
        // and fixed-asset investment have projected series, from too little data), and the
        // pack's county table (GDP, 地区生产总值) has its small multiples.
        for (const row of assessment.rows) {
          const drawn = fans.some((c) => c.label.startsWith(row.nameZh));
          if ((row.kind === "level" || row.kind === "growth") && row.projected !== null)
            expect(drawn, row.targetId).toBe(true);
          if (row.status === "insufficient-data") expect(drawn, row.targetId).toBe(false);
        }
        const gdp = qujingPack.dataset.indicators.find((i) => i.id === "gdp");
        expect(places.some((c) => c.label.startsWith(`各县（市、区）${gdp?.nameZh}`))).toBe(true);
        const empty = sections
          .flatMap((s) => s.charts)
          .filter((c) => c.marks === 0)
          .map((c) => c.label);
        expect(empty, "charts without a drawn mark").toEqual([]);
      });

      it("draws the small multiples without an axis under an empty cell", async () => {
        // Each horizontal axis line of the county GDP panels is a panel's bottom edge.
        expect(await axesWithoutPanel(page, "各县")).toBe(0);
      });

      it(`shows ${variant.only === "judged" ? "the judged targets only, saying how many are left out" : "every target"} on the dashboard`, async () => {
        const chips = await page.evaluate(() =>
          [...document.querySelectorAll("tbody .status small")].map((e) => e.textContent ?? ""),
        );
        const judged = assessment.rows.filter((r) => r.status !== "insufficient-data");
        if (variant.only === "judged") {
          expect(chips).toEqual(judged.map((r) => r.status));
          expect(await page.evaluate(() => document.body.textContent ?? "")).toContain(
            `${assessment.rows.length - judged.length} 项数据不足的目标未列出`,
          );
        } else expect(chips).toEqual(assessment.rows.map((r) => r.status));
      });

      it(`draws ${variant.gdpBands === 1 ? "the model's interval" : "the simulated 50, 80 and 95% bands"} on the GDP-2035 fan chart`, async () => {
        const gdp = assessment.rows.find((r) => r.targetId === "gdp-2035-double");
        const fans = (await chartsBySection(page)).flatMap((s) => s.charts);
        const chart = fans.find((c) => gdp !== undefined && c.label.startsWith(gdp.nameZh));
        expect(chart?.bands).toBe(variant.gdpBands);
      });

      it("sets the Chinese text in a CJK font of its style sheet, a glyph an em wide", async () => {
        const families = await page.evaluate(() =>
          getComputedStyle(document.body)
            .fontFamily.split(",")
            .map((f) => f.trim().replace(/^"|"$/g, "")),
        );
        const cjk = families.filter((f) => f !== "sans-serif" && f !== "serif");
        expect(cjk).toContain("Noto Sans CJK SC");
        // The fonts Chromium used for the text of the first heading (目标完成情况) and of the
        // dashboard's first cell (a target's Chinese name), through the DevTools protocol.
        const cdp = await page.createCDPSession();
        try {
          await cdp.send("DOM.enable");
          await cdp.send("CSS.enable");
          const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
          for (const selector of ["h2", "tbody td"]) {
            const { nodeId } = await cdp.send("DOM.querySelector", {
              nodeId: root.nodeId,
              selector,
            });
            const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
            const used = fonts.map((f) => f.familyName);
            expect(
              used.length > 0 && used.every((f) => cjk.includes(f)),
              `${selector} is set in ${used.join(", ") || "nothing"}; the style sheet asks for ${cjk.join(", ")} (install fonts-noto-cjk)`,
            ).toBe(true);
          }
        } finally {
          await cdp.detach();
        }
        // Each Chinese character of the heading is about one em wide (a missing glyph drawn as a
        // box or as nothing would not be, in general).
        const glyphs = await page.evaluate(() => {
          const h2 = document.querySelector("h2");
          const text = h2?.firstChild;
          if (h2 === null || !(text instanceof Text)) return { em: 0, widths: [] };
          const widths: number[] = [];
          for (let i = 0; i < text.data.length; i++) {
            if (!/\p{Script=Han}/u.test(text.data[i] ?? "")) continue;
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            widths.push(range.getBoundingClientRect().width);
          }
          return { em: Number.parseFloat(getComputedStyle(h2).fontSize), widths };
        });
        expect(glyphs.widths).toHaveLength("目标完成情况".length);
        for (const w of glyphs.widths) expect(Math.abs(w / glyphs.em - 1)).toBeLessThan(0.05);
      });

      it("fits an A4 sheet: no overflow at 794 px (210 mm), nor in print at its printable width", async () => {
        try {
          // On screen, the page as wide as an A4 sheet: 210 mm × 96/25.4 = 793.7 px.
          await page.setViewport({ width: Math.round(A4_WIDTH_MM * PX_PER_MM), height: 1123 });
          const screen = await overflow(page);
          expect(screen.docWidth).toBeLessThanOrEqual(screen.viewport);
          expect(screen.over, "reaching past the body at 794 px").toEqual([]);
          // In print, the sheet less the @page side margins: (210 − 2 × 14) mm = 687.9 px.
          const printable = Math.floor((A4_WIDTH_MM - 2 * pageSideMarginMm()) * PX_PER_MM);
          await page.emulateMediaType("print");
          await page.setViewport({ width: printable, height: 1000 });
          const print = await overflow(page);
          expect(print.docWidth).toBeLessThanOrEqual(print.viewport);
          expect(print.over, `reaching past the body at ${printable} px in print`).toEqual([]);
        } finally {
          await page.emulateMediaType("screen");
          await page.setViewport({ width: 794, height: 1123 });
        }
      });

      it("prints on A4, a new page for each section", async () => {
        const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: true }));
        const text = pdf.toString("latin1");
        expect(text.startsWith("%PDF-")).toBe(true);
        // Each page object of the PDF is a dictionary of /Type /Page (PDF 1.7, §7.7.3.3).
        const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
        const sections = await page.evaluate(() => document.querySelectorAll("section").length);
        expect(sections).toBeGreaterThan(1);
        expect(pages).toBeGreaterThanOrEqual(sections);
        // Every page is A4, 210 × 297 mm = 595.3 × 841.9 pt at 72/25.4 pt per mm, to a point
        // (puppeteer asks for 8.2677 × 11.6929 in; Chromium rounds the sheet to whole pixels).
        const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
        expect(boxes).toHaveLength(pages);
        for (const [, w, h] of boxes) {
          expect(Math.abs(Number(w) - (210 * 72) / 25.4)).toBeLessThan(1);
          expect(Math.abs(Number(h) - (297 * 72) / 25.4)).toBeLessThan(1);
        }
      });

      if (variant.screenshots)
        it("saves screenshots of the dashboard, a fan chart and the places (PNG, < 300 KB)", async () => {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.setViewport({ width: 794, height: 1123 });
          const regions = await screenshotRegions(page);
          for (const [name, clip] of Object.entries(regions)) {
            expect(clip, `${name}: its part of the report was not found`).not.toBeNull();
            if (clip === null) continue;
            const png = await page.screenshot({ type: "png", clip, captureBeyondViewport: true });
            expect(png.length, name).toBeLessThan(300_000);
            writeFileSync(join(SCREENSHOTS, name), png);
          }
        });
    });
  }
});
