import type { KernelCodes } from "./kernelCodes.js";
import type { KernelMemory } from "./kernelMemory.js";
import type { KernelSpec } from "./kernelSpec.js";

/** The targets of a kernel: evaluated year by year, tallied per block. */
export interface TargetTally {
  /** Clears the block's first years met; call before its first year. */
  startBlock(): void;
  /** Evaluates every target in year t on the block's value buffers. */
  evaluate(t: number, len: number): void;
  /** Adds the block's first years met (and, for targets without a due year, its paths met). */
  endBlock(len: number): void;
  /** Paths met per target. */
  readonly met: Float64Array;
  /** Per target: paths first met in year t = 1 … T, and at index 0 paths never met. */
  readonly firstYear: Float64Array;
}

/**
 * The kernel's target conditions (see `KernelTarget`): in each year of its window a target is
 * met on a path when all its conditions hold (≥, ≤, or within `tolerance·|threshold|` of the
 * year's threshold; never where the threshold is NaN). The tally counts paths met in the due
 * year, or in any year of the window for a target without one, and the first year met. A target
 * of one ≥ or ≤ condition, the common case, is tallied by the WebAssembly module where the
 * memory has it (`KernelMemory.tallyValues`, the same loop).
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createTargetTally(
  spec: KernelSpec,
  memory: KernelMemory,
  codes: KernelCodes,
): TargetTally {
  const B = spec.blockSize;
  const T = spec.years;
  const { values } = memory.buffers;
  const tally = memory.tallyValues;
  const AT_LEAST = codes.comparator[">="];
  const AT_MOST = codes.comparator["<="];
  const ABOUT = codes.comparator.about;
  const nTargets = spec.targets.length;
  const ok = new Uint8Array(B);
  const firstMet = memory.firstMet;
  const met = new Float64Array(nTargets);
  const firstYear = new Float64Array(nTargets * (T + 1));

  function evaluateTarget(k: number, t: number, len: number): void {
    const target = spec.targets[k]!;
    const inWindow = t >= target.fromT && t <= target.toT;
    const due = t === target.dueT;
    if (!inWindow && !due) return;
    const conditions = target.conditions;
    const fo = k * B;
    if (conditions.length === 1 && conditions[0]!.cmp !== ABOUT) {
      // One ≥ or ≤ condition: a single pass, no flags.
      const c = conditions[0]!;
      const thr = c.thresholds[t]!;
      if (Number.isNaN(thr)) return;
      const src = c.src * B;
      const sign = c.cmp === AT_LEAST ? 1 : -1;
      const st = sign * thr;
      // Without branches on the outcome (about as often met as not: a branch would be
      // mispredicted half the time): `hit` is 0 or 1, the first year is kept once set.
      let m = 0;
      if (tally !== null)
        m = tally(
          memory.valuesPtr + 8 * src,
          memory.firstMetPtr + 4 * fo,
          len,
          sign,
          st,
          t,
          inWindow ? 1 : 0,
        );
      else if (inWindow)
        for (let n = 0; n < len; n++) {
          const hit = +(sign * values[src + n]! >= st);
          m += hit;
          const first = firstMet[fo + n]!;
          firstMet[fo + n] = first + +(first === 0) * hit * t;
        }
      else for (let n = 0; n < len; n++) m += +(sign * values[src + n]! >= st);
      if (due) met[k] = met[k]! + m;
      return;
    }
    ok.fill(1, 0, len);
    for (const c of conditions) {
      const thr = c.thresholds[t]!;
      if (Number.isNaN(thr)) {
        ok.fill(0, 0, len);
        break;
      }
      const src = c.src * B;
      if (c.cmp === AT_LEAST) {
        for (let n = 0; n < len; n++) if (!(values[src + n]! >= thr)) ok[n] = 0;
      } else if (c.cmp === AT_MOST) {
        for (let n = 0; n < len; n++) if (!(values[src + n]! <= thr)) ok[n] = 0;
      } else {
        const band = c.tolerance * Math.abs(thr);
        for (let n = 0; n < len; n++) if (!(Math.abs(values[src + n]! - thr) <= band)) ok[n] = 0;
      }
    }
    if (due) {
      let m = 0;
      for (let n = 0; n < len; n++) m += ok[n]!;
      met[k] = met[k]! + m;
    }
    if (inWindow)
      for (let n = 0; n < len; n++) if (ok[n] === 1 && firstMet[fo + n] === 0) firstMet[fo + n] = t;
  }

  return {
    startBlock: () => {
      firstMet.fill(0);
    },
    evaluate: (t, len) => {
      for (let k = 0; k < nTargets; k++) evaluateTarget(k, t, len);
    },
    endBlock: (len) => {
      for (let k = 0; k < nTargets; k++) {
        const fo = k * B;
        const yo = k * (T + 1);
        for (let n = 0; n < len; n++) {
          const y = firstMet[fo + n]!;
          firstYear[yo + y] = firstYear[yo + y]! + 1;
        }
        if (spec.targets[k]!.dueT === 0) {
          let m = 0;
          for (let n = 0; n < len; n++) if (firstMet[fo + n]! > 0) m++;
          met[k] = met[k]! + m;
        }
      }
    },
    met,
    firstYear,
  };
}
