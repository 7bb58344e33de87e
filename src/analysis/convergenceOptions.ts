/**
 * A control variable of the conditional β-convergence regression: an indicator of the pack
 * observed in the window's first year (divided by another, `per`, observed the same year: the
 * investment share `{ indicator: "fixed_asset_investment", per: "gdp" }`), or values the caller
 * gives per place (`{ name: "urbanization 2000", values: { qilin: 38.2, … } }`). A place without
 * a value is left out of the conditional regression (the result's notes name it).
 */
export type ConvergenceControl =
  | {
      readonly indicator: string;
      readonly per?: string;
      /** The control's name in the result (default `indicator` or `indicator/per`). */
      readonly name?: string;
    }
  | { readonly name: string; readonly values: Readonly<Record<string, number>> };

/** Options of `convergence`. */
export interface ConvergenceOptions {
  /** The per-capita indicator whose convergence is measured (default `gdp_per_capita`). */
  readonly indicator?: string;
  /**
   * The central places of the Theil decomposition (centre vs the rest): a group id or a place id
   * of the pack (default the group `central-city` when the pack has one).
   */
  readonly centre?: string;
  /** Project the dispersion through this year (default the plan's last year; at most the scenario's `toYear`). */
  readonly through?: number;
  /**
   * The β-convergence window `[from, to]`, two observed years (default: the longest window that
   * crosses no series break with at least 3 places at both ends). A window across a break is
   * computed, and the result lists the breaks it crosses.
   */
  readonly window?: readonly [number, number];
  /** Controls of the conditional β regression (none: no conditional regression). */
  readonly controls?: readonly ConvergenceControl[];
  /** Observations to add to the pack's (as `assessPack` takes them). */
  readonly data?: readonly unknown[];
  /** Throw on bad `data` rows instead of leaving them out (as `assessPack`). */
  readonly strict?: boolean;
}
