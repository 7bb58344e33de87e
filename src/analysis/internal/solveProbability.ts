import { ArgumentRangeError } from "../../internal/errors.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ScenarioInput } from "../../schemas/scenario.js";
import { simulatePack } from "../../simulation/simulatePack.js";
import { orientedRoot, type SearchSpace } from "./solveSearch.js";

/** What {@link solveProbability} needs. */
export interface ProbabilitySearch {
  /** The pack with the one target to simulate. */
  readonly pack: RegionPack;
  readonly targetId: string;
  readonly scenarioAt: (x: number) => ScenarioInput;
  /** The probability to reach. */
  readonly p: number;
  /** 1 when more growth meets the target, −1 when less does. */
  readonly sense: 1 | -1;
  /** The parameter at which the projection just meets the target. */
  readonly start: number;
  readonly space: SearchSpace;
  readonly run: { readonly paths: number; readonly seed: number; readonly workers: number };
  /**
   * The parameter at which the projection's measure is `e^(−shift)` times what it is at `start`
   * (a deterministic search).
   */
  readonly shiftTo: (shift: number) => Promise<number>;
}

/** The parameter found, with its simulated probability. */
export interface ProbabilitySolution {
  readonly x: number;
  readonly probability: number;
  readonly standardError: number;
  /** Whether some parameter of the domain reaches the probability. */
  readonly bracketed: boolean;
  /** Monte Carlo runs made. */
  readonly runs: number;
}

/**
 * The parameter whose simulated probability of attainment is `p` (the smallest with at least
 * `p`, within `max(0.002, 2 / paths)`): every run uses the same seed, so the probability is a
 * non-decreasing step function of the parameter (common random numbers) and a bracketing search
 * applies. First guess: the simulated quantile of the target's measure at level `1 − p` (`p` for
 * a `<=` target) at the deterministic solution says by how much the whole distribution must move
 * for that quantile to sit on the threshold, `log(1 + relative gap)`; the deterministic search
 * finds the parameter that moves the projection by that much. Then {@link orientedRoot} on the
 * probability itself.
 */
export async function solveProbability(search: ProbabilitySearch): Promise<ProbabilitySolution> {
  const { p, sense, run } = search;
  const level = sense === 1 ? 1 - p : p;
  const cache = new Map<
    number,
    { probability: number; standardError: number; gap: number | null }
  >();
  const simulateAt = async (x: number) => {
    const known = cache.get(x);
    if (known !== undefined) return known;
    const result = await simulatePack(search.pack, search.scenarioAt(x), {
      paths: run.paths,
      seed: run.seed,
      workers: run.workers,
      quantiles: [level],
    });
    const t = result.simulation?.targets[0];
    if (t === undefined) {
      const why = result.skipped[0]?.reason ?? "no simulated series";
      throw new ArgumentRangeError(
        `solveTarget: options.probability must be left out for ${search.targetId}: the target cannot be simulated (${why}) (got ${p})`,
        { code: "out-of-range", path: "options.probability" },
      );
    }
    const gap = t.conditions.length === 1 ? (t.conditions[0]?.relativeGap?.[0] ?? null) : null;
    const found = { probability: t.probability, standardError: t.standardError, gap };
    cache.set(x, found);
    return found;
  };
  const first = await simulateAt(search.start);
  let start = search.start;
  if (first.gap !== null && first.gap > -1) start = await search.shiftTo(Math.log1p(first.gap));
  const step = Math.max(Math.abs(start - search.start) / 2, 1e-3);
  const root = await orientedRoot(
    async (x) => (await simulateAt(x)).probability,
    p,
    sense,
    { ...search.space, start, step },
    { tolerance: Math.max(0.002, 2 / run.paths), xTolerance: 1e-7, maxEvaluations: 24 },
  );
  const at = await simulateAt(root.x);
  return {
    x: root.x,
    probability: at.probability,
    standardError: at.standardError,
    bracketed: root.bracketed,
    runs: cache.size,
  };
}
