import * as z from "zod";
import { IdSchema } from "./place.js";

/**
 * The compact summary of comparable units that `preparePanel` returns (plain JSON): the mean and
 * between-unit variance of yearly growth on a modelling scale, and a scaled-inverse-χ² prior of
 * the variance of a yearly change. `fitModel` checks it again when a fit receives it.
 */
export const PanelSummarySchema = z.object({
  kind: z.literal("panel-summary"),
  scale: z.enum(["log", "logit", "linear"]),
  bounds: z.tuple([z.number().finite(), z.number().finite()]).optional(),
  growth: z.object({
    mean: z.number().finite(),
    betweenVariance: z.number().finite().min(0),
    units: z.number().int().min(3),
  }),
  volatility: z.object({
    priorDf: z.number().finite().positive(),
    priorVariance: z.number().finite().positive(),
    units: z.number().int().min(3),
  }),
});

/**
 * A panel summary a dataset carries for its fits: scenarios hand `summary` to `fitModel` as
 * `{ panel }` when they project `indicator` for `scope` (a place or group id, or `"*"` for every
 * scope; an exact scope wins over `"*"`), so a short series borrows strength from comparable
 * units (docs/models.md, *Borrowing strength*). `note` says which units the summary describes
 * (which panel, which rule, how many units); assessments quote it where the panel informed a
 * forecast.
 */
export const DatasetPanelSchema = z.object({
  indicator: IdSchema,
  scope: z.union([IdSchema, z.literal("*")]),
  summary: PanelSummarySchema,
  note: z.string().min(1),
});
export type DatasetPanel = z.infer<typeof DatasetPanelSchema>;
