import * as z from "zod";

/** An identifier: lower-case letters, digits and hyphens or underscores, e.g. `"qilin"`, `"gdp"`. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "an id of lower-case letters, digits, '-' or '_'");

/** A county-level unit of a region pack, e.g. 麒麟区 Qilin District. */
export const PlaceSchema = z.object({
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(["district", "county", "county-level-city", "zone"]),
  /** The place's role in the plan, in a few words. */
  role: z.string().optional(),
  /** Other names accepted in data files (e.g. `"麒麟"`). The id and both names always are. */
  aliases: z.array(z.string()).optional(),
});
export type Place = z.infer<typeof PlaceSchema>;

/**
 * A named set of places (`city`, `central-city`). A group's indicators are aggregated from its
 * members by each indicator's rule; a group can also have observations of its own.
 */
export const GroupSchema = z.object({
  id: IdSchema,
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  members: z.array(IdSchema).min(1),
  aliases: z.array(z.string()).optional(),
});
export type Group = z.infer<typeof GroupSchema>;
