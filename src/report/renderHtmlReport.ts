import { checkOneOf, checkString } from "../internal/checkArgs.js";
import type { Assessment } from "../schemas/assessment.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ChartInputs } from "./internal/chartData.js";
import { bilingual, dashboardTable, escapeHtml, htmlPage } from "./internal/htmlParts.js";
import { renderVegaLiteSvg } from "./renderVegaLiteSvg.js";
import { buildReportDocument, type ReportRows, type ReportScenario } from "./reportDocument.js";
import type { VegaLiteSpec } from "./vegaLiteSpec.js";
import { type ChartOptions, chartInputs, specsOf } from "./vegaLiteSpecs.js";

/** Options of {@link renderHtmlReport}: the charts' inputs, a title, the rows shown. */
export interface HtmlReportOptions extends ChartOptions {
  /** Title of the report; default `<pack name> <scenario name>` (Chinese, then English). */
  readonly title?: string;
  /**
   * `judged` leaves the `insufficient-data` targets out of the dashboard and the charts of
   * targets (the data-readiness section keeps them, saying what each needs); default `all`.
   */
  readonly only?: ReportRows;
}

/**
 * Renders an assessment as one self-contained HTML file for reading and printing: Chinese first
 * with English beside it, A4 pages (`@page`), a page break between sections, inline CSS and
 * inline SVG charts (rendered in Node with vega and vega-lite, see {@link renderVegaLiteSvg}),
 * no script and no reference to anything outside the file. Sections: the dashboard of the
 * targets (status colours, 序时进度 bars of expected vs actual progress, the probability when
 * simulated; with `only: "judged"` the judged targets only); a fan chart per judged level or
 * growth target; the places side by side (county
 * small multiples, the central city's share, disparity over time); the data-readiness list; the
 * scenario's assumptions (from `options.pack`); notes, issues and sources. Every text from the
 * data is escaped.
 *
 * @param assessment - one {@link Assessment} (`assessPack`, or `simulatePack`'s).
 * @param options - `pack` (history, breaks, names, assumptions, sources), `simulation` (bands),
 *   `title`, `only` (`all` or `judged`).
 * @returns the HTML document, starting `<!DOCTYPE html>`.
 * @throws {ArgumentTypeError} as {@link vegaLiteSpecs} (with `renderHtmlReport:`), and
 *   `renderHtmlReport: options.title must be a string (got 3)`.
 * @throws {ArgumentRangeError} `renderHtmlReport: options.only must be "all" or "judged" (…)`.
 * @example
 * const html = await renderHtmlReport(assessPack(qujingPack, "trend"), { pack: qujingPack });
 * html.startsWith("<!DOCTYPE html>"); // true
 * html.includes("<script"); // false
 */
export async function renderHtmlReport(
  assessment: Assessment,
  options: HtmlReportOptions = {},
): Promise<string> {
  const { heading, body } = await htmlReportBody("renderHtmlReport", assessment, options);
  return htmlPage(heading, `<h1>${escapeHtml(heading)}</h1>\n${body}`);
}

/**
 * The report of {@link renderHtmlReport} as its heading and the rest of its body (subtitle, run
 * line, sections), for a page of its own or one scenario's part of a longer page.
 */
export async function htmlReportBody(
  fn: string,
  assessment: Assessment,
  options: HtmlReportOptions,
): Promise<{ readonly heading: string; readonly body: string }> {
  const inputs = chartInputs(fn, assessment, options, ["title", "only"]);
  const { title, only: onlyOption } = options as HtmlReportOptions;
  if (title !== undefined) checkString(fn, "options.title", title);
  const only = onlyOption === undefined ? "all" : checkOneOf(fn, "options.only", onlyOption, ROWS);
  const doc = buildReportDocument(assessment, { only }).scenarios[0] as ReportScenario;
  const rows =
    only === "judged"
      ? assessment.rows.filter((r) => r.status !== "insufficient-data")
      : assessment.rows;
  // The charts of targets are of the rows shown; the places and disparity are of the assessment.
  const specs = specsOf({ ...inputs, assessment: { ...assessment, rows } });
  const svgs = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) svgs.set(name, await renderVegaLiteSvg(spec));
  const figures = (prefix: string) =>
    Object.entries(specs)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, spec]) => figure(spec, svgs.get(name) ?? ""));
  const pack = inputs.pack;
  const heading =
    title ??
    (pack === undefined
      ? `${assessment.pack} · ${assessment.scenarioName}`
      : `${pack.nameZh}《${pack.plan.titleZh}》 · ${assessment.scenarioName}`);
  const subtitle =
    title === undefined && pack !== undefined
      ? `<p class="en">${escapeHtml(`${pack.nameEn}: ${pack.plan.titleEn}`)}</p>`
      : "";
  const fans = figures("fan-");
  const places = [
    ...figures("places-"),
    ...figures("share-"),
    ...figures("disparity-"),
    ...figures("convergence-"),
  ];
  const sections = [
    section(
      bilingual("目标完成情况", "Targets at a glance"),
      `${legend(doc)}${hidden(doc)}${dashboardTable(rows, inputs.assessment.simulation !== undefined)}`,
    ),
    fans.length === 0
      ? ""
      : section(bilingual("目标预测", "Projections against the targets"), fans.join("\n")),
    places.length === 0
      ? ""
      : section(
          bilingual("各县（市、区）与区域差距", "The places side by side"),
          places.join("\n"),
        ),
    section(bilingual("数据准备", "Data readiness"), readinessList(doc)),
    section(bilingual("情景假设", "The scenario's assumptions"), assumptions(inputs, pack)),
    section(bilingual("说明与来源", "Notes and sources"), notes(doc, pack)),
  ];
  const sim = assessment.simulation;
  const meta = [
    `${escapeHtml(assessment.pack)} · ${escapeHtml(assessment.scenario)} — ${escapeHtml(assessment.scenarioName)}`,
    asOfText(doc.header.asOf, assessment.asOf),
    sim === undefined
      ? "未模拟 not simulated"
      : `蒙特卡洛 Monte Carlo: ${sim.paths} paths, seed ${sim.seed}`,
  ].join(" · ");
  const body = `${subtitle}
<p class="meta">${meta}</p>
${sections.filter((s) => s !== "").join("\n")}`;
  return { heading, body };
}

const ROWS: readonly ReportRows[] = ["all", "judged"];

/**
 * What "data as of" is: the latest observation of the judged targets (the report document's
 * `asOf`), and, when it differs, the latest observation the projection used (the assessment's
 * `asOf`, which the run record at the end gives).
 */
function asOfText(judged: number, used: number): string {
  const of = `已评估目标的最新观测 latest observation of a judged target`;
  const also = judged === used ? "" : `; 所用观测最新年份 latest observation used: ${used}`;
  return `数据截至 data as of ${judged} (${of}${also})`;
}

/** The sentence saying that the dashboard leaves targets out, when it does. */
function hidden(doc: ReportScenario): string {
  const k = doc.header.hiddenCount;
  if (k === 0) return "";
  return `<p>${bilingual(
    `${k} 项数据不足的目标未列出，见“数据准备”。`,
    `${k} insufficient-data target${k === 1 ? " is" : "s are"} not shown; the data readiness section says what ${k === 1 ? "it needs" : "they need"}.`,
  )}</p>`;
}

function section(title: string, body: string): string {
  return `<section>\n<h2>${title}</h2>\n${body}\n</section>`;
}

/** A chart with its caption (its title's lines, escaped); the SVG is vega's, whose text it escapes. */
function figure(spec: VegaLiteSpec, svg: string): string {
  const caption = spec.title.text.map(escapeHtml).join(" · ");
  return `<figure role="img" aria-label="${caption}">${svg}<figcaption class="en">${escapeHtml(spec.description)}</figcaption></figure>`;
}

function legend(doc: ReportScenario): string {
  const counts = doc.legend.statuses
    .map((s) => `<span>${escapeHtml(s.zh)} ${escapeHtml(s.status)}: ${s.count}</span>`)
    .join("");
  return `<p class="legend">${counts}</p>`;
}

function readinessList(doc: ReportScenario): string {
  if (doc.readiness.length === 0)
    return `<p>${bilingual("所有目标均可评估。", "Every target can be evaluated.")}</p>`;
  const items = doc.readiness.map(
    (r) =>
      `<li>${escapeHtml(r.nameZh)} <span class="en">${escapeHtml(r.nameEn)}</span><ul>${r.needs
        .map((n) => `<li>${escapeHtml(n.text)}</li>`)
        .join("")}</ul></li>`,
  );
  return `<ul>${items.join("\n")}</ul>`;
}

/** The scenario's own entries: description, models, overrides, shocks, deflators, uncertainty. */
function assumptions(inputs: ChartInputs, pack: RegionPack | undefined): string {
  const scenario = pack?.scenarios.find((s) => s.id === inputs.assessment.scenario);
  if (scenario === undefined)
    return `<p>${escapeHtml(inputs.assessment.scenarioName)} (${escapeHtml(inputs.assessment.scenario)})</p><p>${bilingual("未提供情景包，假设从略。", "Pass the pack to list the assumptions.")}</p>`;
  const list = (zh: string, en: string, items: readonly string[]) =>
    items.length === 0
      ? ""
      : `<h3>${bilingual(zh, en)}</h3><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
  const name =
    scenario.nameZh === undefined ? scenario.nameEn : `${scenario.nameZh} ${scenario.nameEn}`;
  const on = (scope: string, indicator: string) =>
    `${scope === "*" ? "所有地区 all places" : scope} × ${indicator === "*" ? "所有指标 all indicators" : indicator}`;
  return [
    `<p><strong>${escapeHtml(name)}</strong>${scenario.extends === undefined ? "" : ` (extends ${escapeHtml(scenario.extends)})`}: ${escapeHtml(scenario.description)}</p>`,
    list(
      "模型",
      "Models",
      scenario.models.map(
        (m) =>
          `${on(m.scope, m.indicator)}: ${m.spec.kind}${m.from === undefined ? "" : ` from ${m.from}`} — ${m.reason}`,
      ),
    ),
    list(
      "指定值",
      "Overrides",
      scenario.overrides.map(
        (o) => `${on(o.scope, o.indicator)} ${o.year} = ${o.value} — ${o.reason}`,
      ),
    ),
    list(
      "冲击",
      "Shocks",
      scenario.shocks.map(
        (s) =>
          `${on(s.scope, s.indicator)}: ${s.type} ${s.size} (${s.mode ?? "relative"}) ${s.from}${s.to === undefined ? "" : `–${s.to}`} — ${s.reason}`,
      ),
    ),
    list(
      "价格",
      "Deflators",
      (scenario.deflators ?? []).map(
        (d) => `${on(d.scope, d.indicator)}: ${d.rate} a year — ${d.reason}`,
      ),
    ),
    list(
      "不确定性",
      "Uncertainty",
      scenario.uncertainty.map(
        (u) =>
          `${on(u.scope, u.indicator)}:${u.sigma === undefined ? "" : ` σ ${u.sigma}`}${u.phi === undefined ? "" : ` φ ${u.phi}`}${u.rho === undefined ? "" : ` ρ ${u.rho}`} — ${u.reason}`,
      ),
    ),
    `<p class="en">projected to ${scenario.toYear}; quality-C data ${scenario.useQualityC ? "used" : "not used"} for fitting.</p>`,
  ].join("\n");
}

function notes(doc: ReportScenario, pack: RegionPack | undefined): string {
  const targetNotes = doc.notes.map(
    (n) =>
      `<li><strong>${escapeHtml(n.targetId)}</strong>: ${n.notes.map(escapeHtml).join("; ")}</li>`,
  );
  const shared = doc.sharedNotes.map(
    (n) =>
      `<li>${escapeHtml(n.note)} <span class="en">(${escapeHtml(n.targetIds.join(", "))})</span></li>`,
  );
  const issues = doc.issues.map((i) => `<li>${escapeHtml(i.text)}</li>`);
  const sources = doc.sources.map((s) => {
    const known = pack?.sources.find((p) => p.key === s.source);
    const what = known === undefined ? "" : `: ${known.title} (${known.quality})`;
    return `<li>${escapeHtml(`${s.source}${what}`)} <span class="en">(${escapeHtml(s.targetIds.join(", "))})</span></li>`;
  });
  const list = (zh: string, en: string, items: readonly string[]) =>
    items.length === 0 ? "" : `<h3>${bilingual(zh, en)}</h3><ul>${items.join("\n")}</ul>`;
  return [
    list("目标说明", "Notes of the targets", targetNotes),
    list("共同说明", "Shared notes", shared),
    list("问题", "Issues", issues),
    list("数据来源", "Sources", sources),
  ].join("\n");
}
