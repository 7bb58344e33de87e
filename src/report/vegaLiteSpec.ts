/**
 * The JSON Schema URL of Vega-Lite 5 specifications, written into every spec as `$schema` (a
 * string only: nothing is fetched when a spec is built or rendered).
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** A value of a chart's inline data: JSON scalars. */
export type VegaLiteDatum = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A standalone Vega-Lite 5 specification as regionsim builds it: plain JSON with its data inline
 * (`data.values`), so it renders without a network and a notebook can display it as the
 * `application/vnd.vegalite.v5+json` MIME type. Only the members regionsim always sets are
 * typed; the rest (`layer`, `facet`, `encoding`, …) follow the Vega-Lite 5 documentation
 * (https://vega.github.io/vega-lite/docs/).
 */
export interface VegaLiteSpec {
  /** {@link VEGA_LITE_SCHEMA}. */
  readonly $schema: string;
  /** The chart's title: its Chinese text, then its English one. */
  readonly title: { readonly text: readonly string[]; readonly subtitle?: readonly string[] };
  /** What the chart shows, in one English sentence (also the SVG's accessible description). */
  readonly description: string;
  /** Every row the chart draws; layers select theirs with a `filter` on `layer`. */
  readonly data: { readonly values: readonly VegaLiteDatum[] };
  readonly [key: string]: unknown;
}
