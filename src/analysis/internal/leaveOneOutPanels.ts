import { ArgumentRangeError } from "../../internal/errors.js";
import { DEFAULT_LOGIT_BOUNDS } from "../../models/modelScale.js";
import {
  type PanelSummary,
  summariseMoments,
  type UnitMoments,
} from "../../models/panelMoments.js";
import { scaleOfOptions, seriesMoments } from "../../models/preparePanel.js";
import type { FitOptions } from "../../models/types.js";
import type { BacktestOptions, BacktestSeries } from "../backtestOptions.js";
import { trainingWindow } from "./originPair.js";

/**
 * The backtest's panels: for a series and an origin, the summary of the training windows of every
 * other series observed at that origin (data up to the origin only; the series itself left out),
 * on the fit's scale, or undefined when fewer than three other units are usable. The moments of
 * each (series, origin) and the summary left out of each are computed once, whatever the number
 * of models asking; a series whose values lie outside the scale's domain adds nothing.
 */
export function leaveOneOutPanels(
  series: readonly BacktestSeries[],
  training: NonNullable<BacktestOptions["training"]>,
  trainingYears: number | undefined,
  fit: FitOptions,
): (id: string, origin: number) => PanelSummary | undefined {
  const scale = scaleOfOptions(fit);
  const bounds = fit.bounds ?? DEFAULT_LOGIT_BOUNDS;
  const byOrigin = new Map<
    number,
    {
      moments: UnitMoments[];
      index: Map<string, number>;
      summaries: Map<string, PanelSummary | undefined>;
    }
  >();
  const momentsAt = (origin: number) => {
    let known = byOrigin.get(origin);
    if (known !== undefined) return known;
    const moments: UnitMoments[] = [];
    const index = new Map<string, number>();
    for (const s of series) {
      const window = trainingWindow(s, origin, training, trainingYears);
      if (window === undefined) continue;
      try {
        moments.push(seriesMoments("backtest", "series", window, scale, bounds));
        index.set(s.id, moments.length - 1);
      } catch (error) {
        if (!(error instanceof ArgumentRangeError)) throw error;
      }
    }
    known = { moments, index, summaries: new Map() };
    byOrigin.set(origin, known);
    return known;
  };
  return (id, origin) => {
    const { moments, index, summaries } = momentsAt(origin);
    if (!summaries.has(id))
      summaries.set(id, summariseMoments(moments, scale, bounds, index.get(id)));
    return summaries.get(id);
  };
}
