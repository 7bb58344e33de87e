import * as z from "zod";
import { DatasetPanelSchema } from "./datasetPanel.js";
import { IndicatorSchema } from "./indicator.js";
import { ObservationSchema, SeriesBreakSchema } from "./observation.js";
import { GroupSchema, PlaceSchema } from "./place.js";

/** Observations together with the places, groups and indicators they refer to. */
export const DatasetSchema = z.object({
  places: z.array(PlaceSchema),
  groups: z.array(GroupSchema),
  indicators: z.array(IndicatorSchema),
  observations: z.array(ObservationSchema),
  breaks: z.array(SeriesBreakSchema).default([]),
  /**
   * Summaries of comparable units that fits borrow strength from (see `DatasetPanelSchema`);
   * optional, and absent from datasets written before it existed.
   */
  panels: z.array(DatasetPanelSchema).optional(),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/**
 * The part of a dataset that names things: places, groups and indicators. Readers resolve the
 * names in user files against it (see `resolveName`).
 */
export type DatasetMeta = Pick<Dataset, "places" | "groups" | "indicators">;
