import { type UniformSource, uniformInteger } from "./sensitivityRandom.js";

/** The trajectories of a Morris design on the unit hypercube. */
export interface MorrisDesign {
  /** Row-major `r (k + 1) × k` points, each on the grid `{0, 1/(p−1), …, 1}`. */
  readonly unit: Float64Array;
  /** `r × k`: the parameter that moves at step `m` (1 … k) of trajectory `t`, at `t·k + m − 1`. */
  readonly moved: Int32Array;
  /** `r × k`: the direction (+1 up, −1 down) of that step. */
  readonly direction: Int8Array;
  /** The step Δ = p / (2 (p − 1)) on the unit scale. */
  readonly delta: number;
}

/**
 * Random trajectories of Morris (1991), "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33(2), in the matrix form B* = (J x* + (Δ/2)((2B − J) D* + J)) P*:
 * a base point x* on the grid levels `0 … p/2 − 1` (so that x* + Δ ≤ 1), random signs D* and a
 * random order P* of the parameters. The start of a trajectory is x* moved up by Δ where the sign
 * is −1; each step then moves one parameter, in the order P*, by +Δ (sign +1) or −Δ (sign −1).
 * Levels are kept as integers `L` and written as `L / (p − 1)`, so points lie on the grid exactly
 * (`p − 1` levels up gives 1). Draws per trajectory: k base levels, k signs, then a Fisher–Yates
 * shuffle of the order.
 *
 * @param k - parameters; `r` - trajectories; `p` - levels (even, ≥ 2).
 */
export function morrisDesign(k: number, r: number, p: number, random: UniformSource): MorrisDesign {
  const half = p / 2;
  const unit = new Float64Array(r * (k + 1) * k);
  const moved = new Int32Array(r * k);
  const direction = new Int8Array(r * k);
  const level = new Int32Array(k);
  const order = new Int32Array(k);
  const sign = new Int8Array(k);
  for (let t = 0; t < r; t++) {
    const base = t * (k + 1) * k;
    for (let j = 0; j < k; j++) level[j] = uniformInteger(random, half);
    for (let j = 0; j < k; j++) sign[j] = random() < 0.5 ? -1 : 1;
    for (let j = 0; j < k; j++) order[j] = j;
    for (let j = k - 1; j > 0; j--) {
      const i = uniformInteger(random, j + 1);
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    for (let j = 0; j < k; j++) if (sign[j] === -1) level[j] = level[j]! + half;
    for (let j = 0; j < k; j++) unit[base + j] = level[j]! / (p - 1);
    for (let m = 1; m <= k; m++) {
      const j = order[m - 1]!;
      level[j] = level[j]! + sign[j]! * half;
      moved[t * k + m - 1] = j;
      direction[t * k + m - 1] = sign[j]!;
      for (let i = 0; i < k; i++) unit[base + m * k + i] = level[i]! / (p - 1);
    }
  }
  return { unit, moved, direction, delta: p / (2 * (p - 1)) };
}
