import * as z from "zod";
import { IdSchema } from "./place.js";

/**
 * Source reliability grade. A: official statistics or a curated statistical database;
 * B: encyclopedia or aggregator citing official figures; C: secondary web page (kept, but not
 * used for fitting unless a scenario asks for it).
 */
export const QualitySchema = z.enum(["A", "B", "C"]);
export type Quality = z.infer<typeof QualitySchema>;

/**
 * The value and unit a file wrote, when a reader converted the value to the indicator's unit
 * (6,518,600 万元 read as 651.86 100M yuan keeps `{ value: 6518600, unit: "万元" }`).
 */
export const OriginalValueSchema = z.object({
  value: z.number().finite(),
  unit: z.string().min(1),
});
export type OriginalValue = z.infer<typeof OriginalValueSchema>;

/** One observed value of one indicator for one place or group in one year. */
export const ObservationSchema = z.object({
  /** Place or group id (`"qilin"`, `"city"`). */
  place: IdSchema,
  indicator: IdSchema,
  year: z.number().int().min(1900).max(2200),
  value: z.number().finite(),
  unit: z.string().min(1),
  /** Source key, e.g. `"CSMAR_GH"`; the pack's SOURCES list quotes each. */
  source: z.string().min(1),
  quality: QualitySchema,
  note: z.string().optional(),
  /**
   * The value as the file wrote it, when it was in another unit of the same quantity and was
   * converted to the indicator's (`unit` is then the indicator's unit). Absent when the file
   * used the indicator's unit.
   */
  original: OriginalValueSchema.optional(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/**
 * A series break: from `year` on, the series of `indicator` (for `place`, or every place when
 * omitted) is on a new statistical basis, so its level jump from `year − 1` to `year` is not
 * growth. Example: Chinese GDP levels revised after the 2018 economic census.
 */
export const SeriesBreakSchema = z.object({
  indicator: IdSchema,
  place: IdSchema.optional(),
  year: z.number().int(),
  reason: z.string().min(1),
});
export type SeriesBreak = z.infer<typeof SeriesBreakSchema>;
