import { describeValue } from "../internal/describeValue.js";
import { ArgumentTypeError } from "../internal/errors.js";
import type { VegaLiteSpec } from "./vegaLiteSpec.js";

/** The loaded renderer: vega and vega-lite, imported once per process on first use. */
let renderer: Promise<[typeof import("vega"), typeof import("vega-lite")]> | undefined;

function loadRenderer(): Promise<[typeof import("vega"), typeof import("vega-lite")]> {
  renderer ??= Promise.all([import("vega"), import("vega-lite")]);
  return renderer;
}

/**
 * Renders a Vega-Lite specification to an SVG document in Node, without a browser or a canvas:
 * vega-lite compiles it to Vega, and a Vega view with the `none` renderer writes SVG (text widths
 * are estimated, so labels in any script, Chinese included, come out as text). vega and
 * vega-lite are loaded on the first call only (`await import`), about 0.25 s; a chart then
 * renders in tens of milliseconds (docs/dependencies.md). Warnings of the compiler are not
 * printed.
 *
 * @param spec - a Vega-Lite 5 spec with inline data (e.g. one of {@link vegaLiteSpecs}'s).
 * @returns the SVG markup, starting `<svg`.
 * @throws {ArgumentTypeError} `renderVegaLiteSvg: spec must be a Vega-Lite spec object (got …)`
 *   for a value that is not an object; `renderVegaLiteSvg: spec is not a valid Vega-Lite spec
 *   (<the compiler's message>)` when vega-lite or vega refuses it.
 * @example
 * const specs = vegaLiteSpecs(assessPack(qujingPack, "trend"), { pack: qujingPack });
 * const svg = await renderVegaLiteSvg(specs["places-gdp.vl.json"]);
 * svg.startsWith("<svg"); // true
 */
export async function renderVegaLiteSvg(spec: VegaLiteSpec): Promise<string> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    throw new ArgumentTypeError(
      `renderVegaLiteSvg: spec must be a Vega-Lite spec object (got ${describeValue(spec)})`,
      { code: spec === undefined ? "missing-argument" : "invalid-type", path: "spec" },
    );
  const [vega, vl] = await loadRenderer();
  let view: InstanceType<typeof vega.View>;
  try {
    const logger = vega.logger(vega.Error);
    // The spec is plain JSON that vega-lite validates as it compiles; its TopLevelSpec type is
    // not part of regionsim's API.
    const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0], { logger });
    view = new vega.View(vega.parse(compiled.spec), { renderer: "none", logLevel: vega.Error });
  } catch (error) {
    throw new ArgumentTypeError(
      `renderVegaLiteSvg: spec is not a valid Vega-Lite spec (${error instanceof Error ? error.message : String(error)})`,
      { code: "invalid-type", path: "spec" },
    );
  }
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
