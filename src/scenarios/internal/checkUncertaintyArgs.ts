// The argument checks of estimateUncertainty: the parts of the dataset, the projection and the
// scenario that it reads, against their schemas (once per call; the assessment memoises it per
// projection).

import * as z from "zod";
import { checkSchema } from "../../internal/checkSchema.js";
import { describeValue } from "../../internal/describeValue.js";
import { ArgumentRangeError } from "../../internal/errors.js";
import { DatasetSchema } from "../../schemas/dataset.js";
import { SeriesBreakSchema } from "../../schemas/observation.js";
import { UncertaintySchema } from "../../schemas/scenario.js";

const FN = "estimateUncertainty";
/** Any number: projected values may be infinite or NaN where a model failed. */
const AnyNumber = z.custom<number>((v) => typeof v === "number", "expected a number");
const UncertaintyDatasetSchema = DatasetSchema.pick({
  places: true,
  groups: true,
  indicators: true,
}).extend({ breaks: z.array(SeriesBreakSchema) });
const UncertaintyProjectionSchema = z.object({
  series: z.array(
    z.object({
      scope: z.string(),
      indicator: z.string(),
      basis: z.enum(["observed", "places"]),
      observed: z.array(z.object({ year: AnyNumber, value: AnyNumber })),
    }),
  ),
  references: z.array(
    z.object({
      id: z.string(),
      years: z.array(AnyNumber),
      values: z.array(AnyNumber),
      observedThrough: AnyNumber,
      breaks: z.array(AnyNumber),
    }),
  ),
});
const UncertaintyScenarioSchema = z.object({ uncertainty: z.array(UncertaintySchema) });

/** The parts of the arguments that `estimateUncertainty` reads, checked once per call. */
export function checkUncertaintyArgs(
  dataset: unknown,
  projection: unknown,
  scenario: unknown,
): void {
  const d = checkSchema(FN, "dataset", dataset, UncertaintyDatasetSchema);
  const p = checkSchema(FN, "projection", projection, UncertaintyProjectionSchema);
  checkSchema(FN, "scenario", scenario, UncertaintyScenarioSchema);
  const ids = new Set(d.indicators.map((i) => i.id));
  p.series.forEach((s, i) => {
    if (s.basis !== "observed" || s.observed.length === 0 || ids.has(s.indicator)) return;
    throw new ArgumentRangeError(
      `${FN}: projection.series[${i}].indicator must be an indicator of the dataset (got ${describeValue(s.indicator)})`,
      { code: "unknown-id", path: `projection.series[${i}].indicator` },
    );
  });
}
