import * as z from "zod";
import { ModelSpecSchema } from "../models/modelRegistry.js";
import { IdSchema } from "./place.js";
import { SchemaVersionSchema } from "./schemaVersion.js";

/** A place or group id, or `"*"` for every place. */
export const ScopeSelectorSchema = z.union([IdSchema, z.literal("*")]);
/** An indicator id, or `"*"` for every indicator. */
export const IndicatorSelectorSchema = z.union([IdSchema, z.literal("*")]);

/** What a scenario says of rates written as percentages (0.055 is 5.5% a year). */
const RATE_HINT = "rates are fractions: 0.055 is 5.5% (a 3-point shock is -0.03)";

/**
 * Which model projects a (scope × indicator), and why. More specific entries win; `from`, when
 * given, is the first year the entry applies (earlier years follow the entry before it, and the
 * path joins continuously: see `selectModel`).
 */
export const ModelAssumptionSchema = z
  .object({
    scope: ScopeSelectorSchema,
    indicator: IndicatorSelectorSchema,
    spec: ModelSpecSchema,
    reason: z.string().min(1),
    /** First year this assumption applies (a year after the data); omitted: every projected year. */
    from: z.number().int().min(1900).max(2200).optional(),
  })
  .superRefine((m, ctx) => refineSpec(m.spec, ["spec"], ctx));
export type ModelAssumption = z.infer<typeof ModelAssumptionSchema>;

/** A value fixed for one year (a known figure, or an analyst's assumption), applied after projection. */
export const OverrideSchema = z.object({
  scope: IdSchema,
  indicator: IdSchema,
  year: z.number().int(),
  value: z.number().finite(),
  reason: z.string().min(1),
});
export type Override = z.infer<typeof OverrideSchema>;

/**
 * A shock to the projected path; `size` is a fraction between −1 and 1. With `mode: "relative"`
 * (the default) a `level` shock multiplies the value by `1 + size` from `from` on (a permanent
 * level shift), or from `from` to `to` (a temporary one); a `growth` shock multiplies each
 * projected year of `from`…`to` by `1 + size` once more, and the lost or gained level persists
 * (−0.05 leaves each year 5% below the year before's path: growth of g becomes
 * (1 + g) · 0.95 − 1, about five points less). With `mode: "points"`, for indicators in `%`
 * only, the shock is added in percentage points: a `level` shock of −0.03 is 3 points lower in
 * the years it covers, a `growth` shock of −0.03 lowers the change of each year of its span by 3
 * points (the loss persists). Either is ignored when it starts in an observed year, whose data
 * include it. A shock that matches no projected series is reported as an issue.
 */
export const ShockSchema = z
  .object({
    scope: ScopeSelectorSchema,
    indicator: IdSchema,
    type: z.enum(["level", "growth"]),
    size: z.number().finite(),
    /** `relative` (default): a factor `1 + size`; `points`: `100 · size` percentage points added. */
    mode: z.enum(["relative", "points"]).optional(),
    from: z.number().int(),
    to: z.number().int().optional(),
    reason: z.string().min(1),
  })
  .superRefine((s, ctx) => {
    if (Math.abs(s.size) > 1)
      ctx.addIssue({
        code: "custom",
        path: ["size"],
        input: s.size,
        message: `shock size must be between -1 and 1: ${RATE_HINT}`,
        params: { code: "rate-not-fraction", expected: "a fraction between -1 and 1" },
      });
    else if ((s.mode ?? "relative") === "relative" && s.size <= -1)
      ctx.addIssue({
        code: "custom",
        path: ["size"],
        input: s.size,
        message: "a relative shock of -1 or less would make the value 0 or negative",
        params: { code: "out-of-range", expected: "more than -1" },
      });
    if (s.to !== undefined && s.to < s.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" });
  });
export type Shock = z.infer<typeof ShockSchema>;

/**
 * Uncertainty of the yearly shocks on the modelling scale: `sigma` (standard deviation a year),
 * `phi` (AR(1) persistence) and `rho` (share of shock variance common to all places). Omitted
 * values are estimated from the data, or take documented defaults.
 */
export const UncertaintySchema = z.object({
  scope: ScopeSelectorSchema.default("*"),
  indicator: IndicatorSelectorSchema,
  sigma: z.number().min(0).max(2).optional(),
  phi: z.number().gt(-1).lt(1).optional(),
  rho: z.number().min(0).max(1).optional(),
  reason: z.string().min(1),
});
export type Uncertainty = z.infer<typeof UncertaintySchema>;

/**
 * An assumed path of prices for an indicator with a price index (`prices` on its definition):
 * its implicit deflator grows by `rate` a year (a fraction: 0.02 is 2% a year) from its last
 * observed year, so the indicator at current prices is its projection at constant prices times
 * that deflator. Without one, the deflator continues the drift of its own log. The most specific
 * entry wins (an exact scope beats a group of the place, which beats `"*"`; the later among
 * equals).
 */
export const DeflatorAssumptionSchema = z
  .object({
    scope: ScopeSelectorSchema,
    /** The indicator at current prices (e.g. `"gdp"`), whose definition names a price index. */
    indicator: IdSchema,
    /** Growth of the deflator a year, a fraction (0.02 is 2% a year); more than −1. */
    rate: z.number().finite().gt(-1),
    reason: z.string().min(1),
  })
  .superRefine((d, ctx) => {
    if (Math.abs(d.rate) > 1)
      ctx.addIssue({
        code: "custom",
        path: ["rate"],
        input: d.rate,
        message: `deflator growth must be between -1 and 1: ${RATE_HINT}`,
        params: { code: "rate-not-fraction", expected: "a fraction a year, e.g. 0.02" },
      });
  });
export type DeflatorAssumption = z.infer<typeof DeflatorAssumptionSchema>;

/**
 * The range over which a sensitivity analysis (`packSensitivity`) moves one of the scenario's
 * assumptions for a scope × indicator, uniform from `min` to `max`: `growth`, a constant growth a
 * year from the last observation (a `cagr` model; a fraction: 0.06 is 6% a year); `shock`, the
 * `size` of the scenario's shocks of the scope and indicator (a fraction, as in
 * {@link ShockSchema}); `sigma`, the standard deviation of the yearly shocks of the Monte Carlo
 * simulation on the modelling scale (as in {@link UncertaintySchema}). Ignored by assessments and
 * simulations.
 */
export const SensitivityRangeSchema = z
  .object({
    scope: ScopeSelectorSchema,
    indicator: IdSchema,
    what: z.enum(["growth", "shock", "sigma"]),
    min: z.number().finite(),
    max: z.number().finite(),
    reason: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    if (!(r.max > r.min))
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        input: r.max,
        message: "max must be above min",
        params: { code: "out-of-range", expected: `more than ${r.min}` },
      });
    if (r.what !== "sigma" && (Math.abs(r.min) > 1 || Math.abs(r.max) > 1))
      ctx.addIssue({
        code: "custom",
        path: [Math.abs(r.min) > 1 ? "min" : "max"],
        input: Math.abs(r.min) > 1 ? r.min : r.max,
        message: `a growth or shock range must lie between -1 and 1: ${RATE_HINT}`,
        params: { code: "rate-not-fraction", expected: "a fraction between -1 and 1" },
      });
    if (r.what === "sigma" && (r.min < 0 || r.max > 2))
      ctx.addIssue({
        code: "custom",
        path: [r.min < 0 ? "min" : "max"],
        input: r.min < 0 ? r.min : r.max,
        message: "a sigma range must lie between 0 and 2",
        params: { code: "out-of-range", expected: "from 0 to 2" },
      });
  });
export type SensitivityRange = z.infer<typeof SensitivityRangeSchema>;

/** A named, JSON-serialisable set of assumptions. */
export const ScenarioSchema = z.object({
  /** Version of the scenario format (see `SCHEMA_VERSION`); omitted means the current one. */
  schemaVersion: SchemaVersionSchema.optional(),
  id: IdSchema,
  nameEn: z.string().min(1),
  nameZh: z.string().optional(),
  description: z.string().min(1),
  /** Id of a scenario whose assumptions this one starts from (its own entries come after). */
  extends: IdSchema.optional(),
  models: z.array(ModelAssumptionSchema).default([]),
  overrides: z.array(OverrideSchema).default([]),
  shocks: z.array(ShockSchema).default([]),
  /** Models for reference series outside the region (e.g. the GDP of China's 70th city). */
  references: z
    .array(
      z
        .object({ reference: IdSchema, spec: ModelSpecSchema, reason: z.string().min(1) })
        .superRefine((r, ctx) => refineSpec(r.spec, ["spec"], ctx)),
    )
    .default([]),
  uncertainty: z.array(UncertaintySchema).default([]),
  /** Assumed deflators of indicators with a price index (see {@link DeflatorAssumptionSchema}). */
  deflators: z.array(DeflatorAssumptionSchema).optional(),
  /** Use quality-C observations for fitting (they are always kept and shown). */
  useQualityC: z.boolean().default(false),
  /** Last projected year. */
  toYear: z.number().int().min(2000).max(2100).default(2035),
  /**
   * Ranges of the assumptions for a sensitivity analysis (see {@link SensitivityRangeSchema});
   * a scenario's own, not inherited through `extends`.
   */
  ranges: z.array(SensitivityRangeSchema).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** Kinds an `auto` spec may name as candidates (every kind that fits parameters). */
const CANDIDATE_KINDS: readonly string[] = ModelSpecSchema.options
  .map((o) => o.shape.kind.value)
  .filter((k) => k !== "auto");

/**
 * Checks in a spec what its own schema cannot: a `cagr` rate written as a percentage (|rate| > 1),
 * and `auto` candidates that are not valid specs of a fitting model.
 */
function refineSpec(spec: unknown, at: (string | number)[], ctx: z.RefinementCtx): void {
  if (typeof spec !== "object" || spec === null) return;
  const s = spec as { kind?: unknown; rate?: unknown; candidates?: unknown };
  if (s.kind === "cagr" && typeof s.rate === "number" && Math.abs(s.rate) > 1)
    ctx.addIssue({
      code: "custom",
      path: [...at, "rate"],
      input: s.rate,
      message: `growth rate must be between -1 and 1: ${RATE_HINT}`,
      params: { code: "rate-not-fraction", expected: "a fraction a year, e.g. 0.055" },
    });
  if (s.kind !== "auto" || !Array.isArray(s.candidates)) return;
  s.candidates.forEach((candidate: unknown, k: number) => {
    const path = [...at, "candidates", k];
    const kind = typeof candidate === "string" ? candidate : (candidate as { kind?: unknown }).kind;
    if (typeof kind !== "string" || !CANDIDATE_KINDS.includes(kind)) {
      ctx.addIssue({
        code: "custom",
        path,
        input: candidate,
        message: `unknown model kind ${JSON.stringify(kind)}`,
        params: { code: "invalid-candidate", expected: `one of ${CANDIDATE_KINDS.join(", ")}` },
      });
      return;
    }
    if (typeof candidate === "string") return;
    const parsed = ModelSpecSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: "custom",
          path: [...path, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
          message: `invalid candidate: ${issue.message}`,
          params: { code: "invalid-candidate" },
        });
    else refineSpec(parsed.data, path, ctx);
  });
}
