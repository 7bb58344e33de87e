import type { Issue } from "../schemas/issue.js";
import type { BetaConvergence } from "./betaConvergence.js";
import type { SigmaConvergence } from "./sigmaConvergence.js";

/** The window of years of a β-convergence regression. */
export interface ConvergenceWindow {
  readonly from: number;
  readonly to: number;
  /** `to − from`, the T of the regression. */
  readonly years: number;
  /** `given` by `options.window`, or the `longest` window without a series break. */
  readonly chosen: "given" | "longest";
  /** Series breaks inside the window (none for a chosen one): growth across them mixes two bases. */
  readonly crossesBreaks: readonly string[];
}

/** β-convergence of `convergence`: observed (unconditional and conditional) and projected. */
export interface BetaResults {
  /** The observed window; null when no window has 3 places with data at both ends. */
  readonly window: ConvergenceWindow | null;
  readonly unconditional: BetaConvergence | null;
  /** With `options.controls`; null without controls or with too few places that have them. */
  readonly conditional: BetaConvergence | null;
  /**
   * The β the scenario's projections imply, from the latest observed year to the last projected
   * one: what the models assume, not evidence of convergence. Null without projected years.
   */
  readonly projected: (BetaConvergence & { readonly from: number; readonly to: number }) | null;
  /** What was left out and why, and how far the figures can be trusted. */
  readonly notes: readonly string[];
}

/** The result of `convergence`. */
export interface Convergence {
  readonly pack: string;
  readonly scenario: string;
  /** The indicator compared (e.g. `gdp_per_capita`) and its unit. */
  readonly indicator: string;
  readonly unit: string;
  /** The last year projected (`options.through`). */
  readonly through: number;
  readonly sigma: SigmaConvergence;
  readonly beta: BetaResults;
  /** Problems with `options.data` and the projection's issues. */
  readonly issues: readonly Issue[];
}
