import { z } from "zod";
import { IdSchema } from "./place.js";

/**
 * Where a target comes from. `plan` quotes the plan's own words; `interpretation` is a target
 * the plan does not state in numbers, with the reasoning that turns its words into one.
 */
export const ProvenanceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("plan"),
    /** The plan's words, verbatim (Chinese). */
    quote: z.string().min(1),
    /** Section of the plan, e.g. `"二(二)"`. */
    section: z.string().optional(),
  }),
  z.object({
    kind: z.literal("interpretation"),
    quote: z.string().optional(),
    reasoning: z.string().min(1),
  }),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** `>=` at least (以上, 达到), `<=` at most, `about` within a relative tolerance (左右). */
export const ComparatorSchema = z.enum([">=", "<=", "about"]);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** Size classes of the State Council's 2014 urban classification (国发〔2014〕51号). */
export const CityClassSchema = z.enum(["small", "medium", "large", "very-large", "megacity"]);
export type CityClass = z.infer<typeof CityClassSchema>;

const common = {
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Place or group the target speaks of. */
  scope: IdSchema,
  indicator: IdSchema,
  comparator: ComparatorSchema,
  value: z.number().finite(),
  unit: z.string().min(1),
  /** Relative half-width of the `about` band (0.02 = ±2%). */
  tolerance: z.number().min(0).max(1).optional(),
  provenance: ProvenanceSchema,
};

/**
 * A quantified plan target. Kinds:
 * - `level`: the indicator's value in `year`;
 * - `growth`: its compound annual growth rate from `baseYear` to `year`, in % a year;
 * - `share`: scope's indicator as a % of the denominator (another scope and/or indicator);
 * - `count`: the sum of a yearly-count indicator over `baseYear + 1 … year`;
 * - `rank`: position of scope's indicator among a reference population (`reference` names a
 *   reference series the pack provides, e.g. the GDP of the 70th city), with no fixed year;
 * - `class`: size class of each listed place by an indicator (urban resident population).
 */
export const TargetSchema = z.discriminatedUnion("kind", [
  z.object({
    ...common,
    kind: z.literal("level"),
    year: z.number().int(),
    baseYear: z.number().int(),
  }),
  z.object({
    ...common,
    kind: z.literal("growth"),
    year: z.number().int(),
    baseYear: z.number().int(),
  }),
  z.object({
    ...common,
    kind: z.literal("share"),
    year: z.number().int(),
    baseYear: z.number().int(),
    denominator: z.object({ scope: IdSchema.optional(), indicator: IdSchema.optional() }),
  }),
  z.object({
    ...common,
    kind: z.literal("count"),
    year: z.number().int(),
    baseYear: z.number().int(),
  }),
  z.object({
    ...common,
    kind: z.literal("rank"),
    year: z.number().int().nullable(),
    baseYear: z.number().int(),
    /** Id of the reference series (e.g. the 70th city's GDP) that the rank is measured against. */
    reference: IdSchema,
    /** Indicator holding the scope's observed rank, when known (e.g. computed from a panel). */
    rankIndicator: IdSchema.optional(),
  }),
  z.object({
    ...common,
    kind: z.literal("class"),
    year: z.number().int(),
    baseYear: z.number().int(),
    /** Each place and the class it must reach at least. */
    classes: z.array(z.object({ scope: IdSchema, atLeast: CityClassSchema })).min(1),
  }),
]);
export type Target = z.infer<typeof TargetSchema>;
export type TargetKind = Target["kind"];
