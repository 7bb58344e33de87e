import * as z from "zod";
import { IdSchema } from "./place.js";
import { SchemaVersionSchema } from "./schemaVersion.js";

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

/**
 * The earliest year a target may start from (its `baseYear`). 1949: the founding of the People's
 * Republic, where the statistical series any Chinese plan measures from begin (the first
 * five-year plan ran 1953–1957). A year before it is a typo (`202` for `2020`).
 */
export const MIN_TARGET_YEAR = 1949;

/**
 * The latest year a target may be set for. 2100: beyond the horizon of any plan or long-range
 * vision (five-year plans, the 2035 goals, the 2050 vision). A later year is a typo (`2205`).
 */
export const MAX_TARGET_YEAR = 2100;

/** A target's year or base year: an integer from {@link MIN_TARGET_YEAR} to {@link MAX_TARGET_YEAR}. */
const TargetYearSchema = z.number().int().min(MIN_TARGET_YEAR).max(MAX_TARGET_YEAR);

/**
 * The prices a level or growth target of money is judged at: `nominal` (current prices, the
 * default) or `real` (constant prices, 可比价: the growth a plan states is almost always real).
 * A real target needs an indicator with a price index (`prices` on its definition); a level
 * target's value is then at constant prices of its base year.
 */
export const TargetBasisSchema = z.enum(["real", "nominal"]);
export type TargetBasis = z.infer<typeof TargetBasisSchema>;

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
 *   (a level or growth target of money may be judged at constant prices: `basis: "real"`);
 * - `share`: scope's indicator as a % of the denominator (another scope and/or indicator);
 * - `count`: the sum of a yearly-count indicator over `baseYear + 1 … year`;
 * - `rank`: position of scope's indicator among a reference population (`reference` names a
 *   reference series the pack provides, e.g. the GDP of the 70th city), with no fixed year;
 * - `class`: size class of each listed place by an indicator (urban resident population).
 *
 * Years run from {@link MIN_TARGET_YEAR} to {@link MAX_TARGET_YEAR}, and a target's `year` comes
 * after its `baseYear` (a custom issue with `params.code` `"year-not-after-base"`, checked once
 * the target is otherwise valid).
 */
export const TargetSchema = z
  .discriminatedUnion("kind", [
    z.object({
      ...common,
      kind: z.literal("level"),
      year: TargetYearSchema,
      baseYear: TargetYearSchema,
      /** Current (`nominal`, the default) or constant (`real`) prices; see {@link TargetBasisSchema}. */
      basis: TargetBasisSchema.optional(),
    }),
    z.object({
      ...common,
      kind: z.literal("growth"),
      year: TargetYearSchema,
      baseYear: TargetYearSchema,
      /** Current (`nominal`, the default) or constant (`real`) prices; see {@link TargetBasisSchema}. */
      basis: TargetBasisSchema.optional(),
    }),
    z.object({
      ...common,
      kind: z.literal("share"),
      year: TargetYearSchema,
      baseYear: TargetYearSchema,
      denominator: z.object({ scope: IdSchema.optional(), indicator: IdSchema.optional() }),
    }),
    z.object({
      ...common,
      kind: z.literal("count"),
      year: TargetYearSchema,
      baseYear: TargetYearSchema,
    }),
    z.object({
      ...common,
      kind: z.literal("rank"),
      year: TargetYearSchema.nullable(),
      baseYear: TargetYearSchema,
      /** Id of the reference series (e.g. the 70th city's GDP) that the rank is measured against. */
      reference: IdSchema,
      /** Indicator holding the scope's observed rank, when known (e.g. computed from a panel). */
      rankIndicator: IdSchema.optional(),
    }),
    z.object({
      ...common,
      kind: z.literal("class"),
      year: TargetYearSchema,
      baseYear: TargetYearSchema,
      /** Each place and the class it must reach at least. */
      classes: z.array(z.object({ scope: IdSchema, atLeast: CityClassSchema })).min(1),
    }),
  ])
  .superRefine((target, ctx) => {
    if (target.year === null || target.year > target.baseYear) return;
    ctx.addIssue({
      code: "custom",
      path: ["year"],
      input: target.year,
      message: "the target year is not after its base year",
      params: {
        code: "year-not-after-base",
        expected: `a year after the base year ${target.baseYear}`,
      },
    });
  });
export type Target = z.infer<typeof TargetSchema>;
export type TargetKind = Target["kind"];

/**
 * A targets file in its object form, `{ "schemaVersion": "1.0", "targets": [...] }` (a bare
 * array of targets is also read, as a file of the current version).
 */
export const TargetsFileSchema = z.object({
  /** Version of the targets format (see `SCHEMA_VERSION`); omitted means the current one. */
  schemaVersion: SchemaVersionSchema.optional(),
  targets: z.array(TargetSchema),
});
export type TargetsFile = z.infer<typeof TargetsFileSchema>;
