// A fan chart as a small SVG string: the simulated quantiles of one series by year, drawn as
// nested bands (95%, 80%, 50%) around the median, with the target's threshold as a dashed line.
// The dashboard draws it by hand rather than with the report's Vega-Lite specs, so that its
// bundle does not carry vega and vega-lite (about 300 KB gzipped).

/** What the chart shows. */
export interface FanChartData {
  readonly years: readonly number[];
  /** The quantile levels of the run (e.g. 0.025 … 0.975), ascending. */
  readonly levels: readonly number[];
  /** Per year, the series' value at each level. */
  readonly quantiles: readonly (readonly number[])[];
  readonly threshold: { readonly year: number; readonly value: number } | null;
}

const WIDTH = 720;
const HEIGHT = 300;
const PAD = { left: 56, right: 16, top: 12, bottom: 28 };
/** The bands, widest first: [lower level, upper level, fill opacity]. */
const BANDS: readonly [number, number, number][] = [
  [0.025, 0.975, 0.18],
  [0.1, 0.9, 0.3],
  [0.25, 0.75, 0.45],
];

/** Round numbers for an axis from 0 to `max`: about five ticks of 1, 2 or 5 × 10^k. */
function ticks(max: number): number[] {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

/** The chart as an `<svg>` element's markup. */
export function fanChartSvg(data: FanChartData): string {
  const { years, levels, quantiles, threshold } = data;
  const column = (level: number): number[] => {
    const k = levels.findIndex((l) => Math.abs(l - level) < 1e-9);
    return quantiles.map((q) => q[k] ?? Number.NaN);
  };
  const top = Math.max(...quantiles.flat().filter(Number.isFinite), threshold?.value ?? 0) * 1.05;
  const yTicks = ticks(top);
  const yMax = yTicks[yTicks.length - 1]!;
  const x = (year: number) =>
    PAD.left +
    ((year - years[0]!) / (years[years.length - 1]! - years[0]!)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / yMax) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (values: readonly number[]) =>
    values
      .map((v, k) => `${k === 0 ? "M" : "L"}${x(years[k]!).toFixed(1)},${y(v).toFixed(1)}`)
      .join("");
  const parts: string[] = [];
  for (const v of yTicks)
    parts.push(
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e4e7eb"/>`,
      `<text x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toLocaleString("en-US")}</text>`,
    );
  for (const year of years)
    if (year % 2 === 0 || years.length <= 8)
      parts.push(`<text x="${x(year)}" y="${HEIGHT - 8}" text-anchor="middle">${year}</text>`);
  for (const [lo, hi, opacity] of BANDS) {
    const lower = column(lo);
    const upper = column(hi);
    if (lower.some(Number.isNaN) || upper.some(Number.isNaN)) continue;
    const back = [...upper].reverse();
    const path = `${line(lower)}${back.map((v, k) => `L${x(years[years.length - 1 - k]!).toFixed(1)},${y(v).toFixed(1)}`).join("")}Z`;
    parts.push(`<path class="band" d="${path}" fill="#2f6fb0" fill-opacity="${opacity}"/>`);
  }
  const median = column(0.5);
  if (!median.some(Number.isNaN))
    parts.push(
      `<path class="median" d="${line(median)}" fill="none" stroke="#1c4f82" stroke-width="2"/>`,
    );
  if (threshold !== null)
    parts.push(
      `<line class="threshold" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(threshold.value)}" y2="${y(threshold.value)}" stroke="#c0392b" stroke-dasharray="5 4"/>`,
      `<text x="${WIDTH - PAD.right}" y="${y(threshold.value) - 5}" text-anchor="end" style="fill:#c0392b">${threshold.year} 年目标 ${threshold.value.toLocaleString("en-US")}</text>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="fan chart">${parts.join("")}</svg>`;
}
