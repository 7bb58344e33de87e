// The values of the conditional β regression's controls: read from the projection's observed
// series in the window's first year, or given by the caller.
import type { ScenarioProjection } from "../../scenarios/projectScenario.js";
import type { ConvergenceControl } from "../convergenceOptions.js";

/** A control's name and its value per place (places without one are absent). */
export interface ControlValues {
  readonly name: string;
  readonly values: ReadonlyMap<string, number>;
}

/** The observed values of an indicator by place in `year` (a place's own series). */
function observedIn(
  projection: ScenarioProjection,
  indicator: string,
  year: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of projection.series) {
    if (s.indicator !== indicator || s.basis !== "observed") continue;
    const point = s.observed.find((p) => p.year === year);
    if (point !== undefined) out.set(s.scope, point.value);
  }
  return out;
}

/**
 * The values of a control in `year`: an indicator's observed value (over `per`'s, when given,
 * and not 0), or the caller's values as given. Non-finite results are left out.
 */
export function controlValues(
  projection: ScenarioProjection,
  control: ConvergenceControl,
  year: number,
): ControlValues {
  if ("values" in control)
    return {
      name: control.name,
      values: new Map(Object.entries(control.values).filter(([, v]) => Number.isFinite(v))),
    };
  const numerator = observedIn(projection, control.indicator, year);
  const per = control.per;
  const name =
    control.name ?? (per === undefined ? control.indicator : `${control.indicator}/${per}`);
  if (per === undefined) return { name, values: numerator };
  const denominator = observedIn(projection, per, year);
  const values = new Map<string, number>();
  for (const [place, v] of numerator) {
    const d = denominator.get(place);
    if (d !== undefined && d !== 0 && Number.isFinite(v / d)) values.set(place, v / d);
  }
  return { name, values };
}
