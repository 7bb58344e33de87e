import type { KernelCodes } from "./kernelCodes.js";
import type { KernelBuffers, KernelOp, KernelSpec } from "./kernelSpec.js";

/** Runs one kernel op on a block's value buffers in year t (see {@link createValueOps}). */
export type ValueOpRunner = (op: KernelOp, t: number, len: number) => void;

/**
 * The kernel's ops on value buffers, run every year after the path update: group sums, ratios
 * (group ratios and share measures), weighted means and cumulative sums (see `KernelOp`). Sums
 * run over their inputs in the order given, so a group's value does not depend on buffer numbers.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createValueOps(
  spec: KernelSpec,
  buffers: KernelBuffers,
  codes: KernelCodes,
): ValueOpRunner {
  const B = spec.blockSize;
  const { z, values } = buffers;
  const SUM = codes.op.sum;
  const RATIO = codes.op.ratio;
  const WEIGHTED_MEAN = codes.op.weightedMean;
  return (op, t, len) => {
    const out = op.out * B;
    if (op.op === SUM) {
      const first = op.inputs[0]! * B;
      for (let n = 0; n < len; n++) values[out + n] = values[first + n]!;
      for (let k = 1; k < op.inputs.length; k++) {
        const src = op.inputs[k]! * B;
        for (let n = 0; n < len; n++) values[out + n] = values[out + n]! + values[src + n]!;
      }
    } else if (op.op === RATIO) {
      const num = op.num * B;
      const den = op.den * B;
      const scale = op.scale;
      for (let n = 0; n < len; n++) values[out + n] = (scale * values[num + n]!) / values[den + n]!;
    } else if (op.op === WEIGHTED_MEAN) {
      // Numerator accumulated in `out`, denominator in z (free again after the path update).
      for (let n = 0; n < len; n++) {
        values[out + n] = 0;
        z[n] = 0;
      }
      for (let k = 0; k < op.inputs.length; k++) {
        const v = op.inputs[k]! * B;
        const w = op.weights[k]! * B;
        for (let n = 0; n < len; n++) {
          const wn = values[w + n]!;
          values[out + n] = values[out + n]! + wn * values[v + n]!;
          z[n] = z[n]! + wn;
        }
      }
      for (let n = 0; n < len; n++) values[out + n] = values[out + n]! / z[n]!;
    } else if (t >= op.fromT) {
      const src = op.input * B;
      for (let n = 0; n < len; n++) values[out + n] = values[out + n]! + values[src + n]!;
    }
  };
}
