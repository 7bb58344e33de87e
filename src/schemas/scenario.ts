import { z } from "zod";
import { ModelSpecSchema } from "../models/modelRegistry.js";
import { IdSchema } from "./place.js";
import { SchemaVersionSchema } from "./schemaVersion.js";

/** A place or group id, or `"*"` for every place. */
export const ScopeSelectorSchema = z.union([IdSchema, z.literal("*")]);
/** An indicator id, or `"*"` for every indicator. */
export const IndicatorSelectorSchema = z.union([IdSchema, z.literal("*")]);

/** Which model projects a (scope × indicator), and why. More specific entries win. */
export const ModelAssumptionSchema = z.object({
  scope: ScopeSelectorSchema,
  indicator: IndicatorSelectorSchema,
  spec: ModelSpecSchema,
  reason: z.string().min(1),
});
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
 * A shock to the projected path. `level`: the value is multiplied by `1 + size` from `from` on
 * (a permanent level shift), or from `from` to `to` (a temporary one); ignored when `from` is an
 * observed year, whose data include it. `growth`: growth in each projected year `from`…`to` is
 * changed by `size` (a fraction a year, −0.05 = five points less growth), and the lost or gained
 * level persists. A shock that matches no projected series is reported as an issue.
 */
export const ShockSchema = z
  .object({
    scope: ScopeSelectorSchema,
    indicator: IdSchema,
    type: z.enum(["level", "growth"]),
    size: z.number().gt(-1).lt(10),
    from: z.number().int(),
    to: z.number().int().optional(),
    reason: z.string().min(1),
  })
  .refine((s) => s.to === undefined || s.to >= s.from, {
    message: "to must not be before from",
    path: ["to"],
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
    .array(z.object({ reference: IdSchema, spec: ModelSpecSchema, reason: z.string().min(1) }))
    .default([]),
  uncertainty: z.array(UncertaintySchema).default([]),
  /** Use quality-C observations for fitting (they are always kept and shown). */
  useQualityC: z.boolean().default(false),
  /** Last projected year. */
  toYear: z.number().int().min(2000).max(2100).default(2035),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
