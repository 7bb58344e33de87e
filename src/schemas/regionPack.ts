import * as z from "zod";
import { DatasetSchema } from "./dataset.js";
import { IdSchema } from "./place.js";
import { ScenarioSchema } from "./scenario.js";
import { SchemaVersionSchema } from "./schemaVersion.js";
import { TargetSchema } from "./target.js";

/**
 * A series from outside the region that a target is measured against, e.g. the GDP of the
 * 70th-ranked prefecture-level city of China (for "enter the top 70"). Scenarios project it with
 * their `references` assumptions.
 */
export const ReferenceSeriesSchema = z.object({
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  unit: z.string().min(1),
  years: z.array(z.number().int()),
  values: z.array(z.number().finite()),
  breaks: z.array(z.number().int()).default([]),
  source: z.string().min(1),
  note: z.string().optional(),
});
export type ReferenceSeries = z.infer<typeof ReferenceSeriesSchema>;

/** A citable source of a pack's data: key (as in `Observation.source`), what it is, its grade. */
export const SourceSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  quality: z.string().min(1),
  where: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * Everything the library knows about one region: its places, groups, indicators and
 * observations, the plan's targets, reference series and named scenarios.
 */
export const RegionPackSchema = z.object({
  /** Version of the pack format (see `SCHEMA_VERSION`); omitted means the current one. */
  schemaVersion: SchemaVersionSchema.optional(),
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** The plan the targets come from. */
  plan: z.object({
    titleZh: z.string(),
    titleEn: z.string(),
    baseYear: z.number().int(),
    issued: z.number().int(),
    /** Last year of the plan period; targets without a year (a rank) are judged then. */
    endYear: z.number().int().optional(),
  }),
  dataset: DatasetSchema,
  targets: z.array(TargetSchema),
  references: z.array(ReferenceSeriesSchema).default([]),
  scenarios: z.array(ScenarioSchema),
  sources: z.array(SourceSchema).default([]),
});
export type RegionPack = z.infer<typeof RegionPackSchema>;
/**
 * A region pack as written by hand or in a JSON file, before defaults are filled in: lists with
 * defaults (`dataset.breaks`, `references`, `sources`, a scenario's `models`, …) may be omitted.
 * `validatePack` turns it into a {@link RegionPack}.
 */
export type RegionPackInput = z.input<typeof RegionPackSchema>;
