// The example dashboard (examples/web): sliders for the Qujing pack's GDP growth per place and a
// shock to the city's GDP; each move assesses the targets again and simulates 4,096 seeded paths
// with simulatePack, whose blocks run on Web Workers (off the main thread) while a progress bar
// follows them; the target table and a fan chart of the city's GDP update when the run ends. A
// newer move aborts the run in progress. Build: npm run example:web (examples/web/build.mjs).
import {
  type Assessment,
  qujingPack,
  type ScenarioInput,
  type SimulatedPack,
  simulatePack,
} from "regionsim";
import { fanChartSvg } from "./fanChart.js";

const PATHS = 4096;
const SEED = 1;
/** Default growth of every slider: nominal GDP growth a year. */
const DEFAULT_GROWTH = 0.06;

/** The places of the pack whose GDP is observed (a model of theirs changes a projection). */
const gdpPlaces = qujingPack.dataset.places.filter((p) =>
  qujingPack.dataset.observations.some((o) => o.place === p.id && o.indicator === "gdp"),
);

/** The city, the group of every place. */
const city = qujingPack.dataset.groups.find((g) => g.id === "city")!;

/** The sliders' scopes: the city, then each place with GDP data. */
const scopes = [
  { id: city.id, nameZh: `全市（${city.nameZh}）` },
  ...gdpPlaces.map((p) => ({ id: p.id, nameZh: p.nameZh })),
];

const growth = new Map<string, number>(scopes.map((s) => [s.id, DEFAULT_GROWTH]));
let shock = 0;

const percent = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

function slider(
  parent: HTMLElement,
  id: string,
  text: string,
  value: number,
  range: { min: number; max: number; step: number },
  onInput: (value: number) => void,
): void {
  const label = document.createElement("label");
  const input = document.createElement("input");
  const output = document.createElement("output");
  input.type = "range";
  input.id = id;
  input.min = String(range.min);
  input.max = String(range.max);
  input.step = String(range.step);
  input.value = String(value);
  output.textContent = percent(value);
  input.addEventListener("input", () => {
    const v = Number(input.value);
    output.textContent = percent(v);
    onInput(v);
  });
  label.append(text, output, input);
  parent.append(label);
}

/** The scenario of the sliders: the pack's trend, with a CAGR per scope and a level shock. */
function scenario(): ScenarioInput {
  return {
    id: "dashboard",
    nameEn: "Dashboard assumptions",
    nameZh: "看板假设",
    description: "The trend scenario with the dashboard's GDP growth per place and shock.",
    extends: "trend",
    models: scopes.map((s) => ({
      scope: s.id,
      indicator: "gdp",
      spec: { kind: "cagr" as const, rate: growth.get(s.id)! },
      reason: "Set on the dashboard.",
    })),
    shocks:
      shock === 0
        ? []
        : [
            {
              scope: city.id,
              indicator: "gdp",
              type: "level" as const,
              size: shock,
              from: 2026,
              reason: "Set on the dashboard.",
            },
          ],
  };
}

const number = (x: number | null | undefined): string =>
  x === null || x === undefined
    ? "—"
    : x.toLocaleString("zh-CN", { maximumFractionDigits: Math.abs(x) < 100 ? 2 : 0 });

function renderTable(assessment: Assessment): void {
  const judged = assessment.rows.filter((r) => r.status !== "insufficient-data");
  const body = document.querySelector("#targets tbody")!;
  body.replaceChildren(
    ...judged.map((r) => {
      const tr = document.createElement("tr");
      tr.dataset.target = r.targetId;
      const cells = [
        r.nameZh,
        String(r.year ?? "—"),
        `${r.comparator} ${number(r.target)} ${r.unit}`,
        number(r.projected),
        r.probability === null ? "—" : percent(r.probability),
      ];
      for (const text of cells) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      const status = document.createElement("td");
      status.className = `status ${r.status}`;
      const chip = document.createElement("span");
      chip.textContent = r.statusZh;
      status.append(chip);
      tr.append(status);
      return tr;
    }),
  );
  document.querySelector("#note")!.textContent =
    `${assessment.rows.length - judged.length} 项数据不足的目标未列出。概率：${PATHS.toLocaleString("en-US")} 条路径，种子 ${SEED}。`;
}

function renderFan(simulated: SimulatedPack): void {
  const figure = document.querySelector("#fan")!;
  const series = simulated.simulation?.series.find(
    (s) => s.scope === "city-own" && s.indicator === "gdp",
  );
  const target = simulated.assessment.rows.find((r) => r.targetId === "gdp-2035-double");
  figure.querySelector("figcaption")!.textContent =
    "全市地区生产总值（亿元）：模拟的 50%、80%、95% 区间与中位数";
  figure.querySelector("svg")?.remove();
  if (series === undefined || simulated.simulation === null) return;
  figure.insertAdjacentHTML(
    "beforeend",
    fanChartSvg({
      years: series.years,
      levels: simulated.simulation.quantiles,
      quantiles: series.quantiles,
      threshold: target === undefined ? null : { year: target.year ?? 2035, value: target.target },
    }),
  );
}

const progressBar = document.querySelector<HTMLProgressElement>("#progress progress")!;
const progressText = document.querySelector<HTMLSpanElement>("#progress span")!;
let running: AbortController | undefined;
let runs = 0;

/** Simulates the sliders' scenario, aborting the run in progress; updates the page when done. */
async function update(): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  document.body.dataset.state = "running";
  progressBar.value = 0;
  progressText.textContent = "模拟中 0%";
  try {
    const simulated = await simulatePack(qujingPack, scenario(), {
      paths: PATHS,
      seed: SEED,
      signal: controller.signal,
      onProgress: (p) => {
        progressBar.value = p.completedPaths / p.totalPaths;
        progressText.textContent = `模拟中 ${percent(p.completedPaths / p.totalPaths, 0)}`;
      },
    });
    if (controller !== running) return;
    renderTable(simulated.assessment);
    renderFan(simulated);
    runs++;
    progressText.textContent = `完成 ${PATHS.toLocaleString("en-US")} 条路径`;
    document.body.dataset.runs = String(runs);
    document.body.dataset.state = "ready";
  } catch (error) {
    if ((error as { name?: string }).name === "AbortError") return;
    document.body.dataset.state = "error";
    progressText.textContent = `出错：${(error as Error).message}`;
    throw error;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Runs `update` once the sliders have rested for 120 ms. */
function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void update(), 120);
}

const growthBox = document.querySelector<HTMLElement>("#growth")!;
for (const s of scopes)
  slider(
    growthBox,
    `growth-${s.id}`,
    s.nameZh,
    DEFAULT_GROWTH,
    { min: 0, max: 0.12, step: 0.005 },
    (v) => {
      growth.set(s.id, v);
      schedule();
    },
  );
slider(
  document.querySelector<HTMLElement>("#shock")!,
  "shock",
  "全市 GDP 水平冲击（2026 年起）",
  0,
  { min: -0.2, max: 0.1, step: 0.01 },
  (v) => {
    shock = v;
    schedule();
  },
);
void update();
