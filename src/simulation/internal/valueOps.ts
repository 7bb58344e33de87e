import type { KernelCodes, OP } from "./kernelCodes.js";
import type { KernelBuffers, KernelOp, KernelSpec } from "./kernelSpec.js";

/** Runs one kernel op on a block's value buffers in year t (see {@link createValueOps}). */
export type ValueOpRunner = (op: KernelOp, t: number, len: number) => void;

/**
 * The kernel's ops on value buffers, run every year after the path update: group sums, ratios
 * (group ratios and share measures), weighted means, cumulative sums and formulas of derived
 * indicators (see `KernelOp`). Sums run over their inputs in the order given, so a group's value
 * does not depend on buffer numbers. A formula is interpreted one instruction at a time over the
 * whole block (a row of the stack per operand), so its dispatch costs once per instruction and
 * year, not per path; its arithmetic is that of `evaluateFormula`, operation by operation, so a
 * path without shocks gives the deterministic value exactly.
 *
 * Self-contained (shipped to worker threads as source): its collaborators come in as arguments.
 */
export function createValueOps(
  spec: KernelSpec,
  buffers: KernelBuffers,
  codes: KernelCodes,
): ValueOpRunner {
  const B = spec.blockSize;
  const { scratch: z, values } = buffers;
  const SUM = codes.op.sum;
  const RATIO = codes.op.ratio;
  const WEIGHTED_MEAN = codes.op.weightedMean;
  const FORMULA = codes.op.formula;
  const F = codes.formula;
  let depth = 0;
  for (const op of spec.ops) if (op.op === FORMULA) depth = Math.max(depth, op.depth);
  // The formulas' stack: row r is stack[r·B … r·B + B − 1].
  const stack = new Float64Array(depth * B);

  function runFormula(op: Extract<KernelOp, { op: typeof OP.formula }>, len: number): void {
    const { code, constants, inputs } = op;
    let top = 0; // number of rows on the stack
    for (let k = 0; k < code.length; k += 2) {
      const c = code[k]!;
      const arg = code[k + 1]!;
      if (c === F.constant) {
        const v = constants[arg]!;
        const r = top * B;
        for (let n = 0; n < len; n++) stack[r + n] = v;
        top++;
      } else if (c === F.symbol) {
        const r = top * B;
        const src = inputs[arg]! * B;
        for (let n = 0; n < len; n++) stack[r + n] = values[src + n]!;
        top++;
      } else if (c === F.min || c === F.max) {
        top -= arg - 1;
        const r = (top - 1) * B;
        for (let j = 1; j < arg; j++) {
          const q = (top - 1 + j) * B;
          if (c === F.min)
            for (let n = 0; n < len; n++) stack[r + n] = Math.min(stack[r + n]!, stack[q + n]!);
          else for (let n = 0; n < len; n++) stack[r + n] = Math.max(stack[r + n]!, stack[q + n]!);
        }
      } else if (c >= F.negate) {
        const r = (top - 1) * B;
        if (c === F.negate) for (let n = 0; n < len; n++) stack[r + n] = -stack[r + n]!;
        else if (c === F.abs) for (let n = 0; n < len; n++) stack[r + n] = Math.abs(stack[r + n]!);
        else if (c === F.log) for (let n = 0; n < len; n++) stack[r + n] = Math.log(stack[r + n]!);
        else if (c === F.exp) for (let n = 0; n < len; n++) stack[r + n] = Math.exp(stack[r + n]!);
        else for (let n = 0; n < len; n++) stack[r + n] = Math.sqrt(stack[r + n]!);
      } else {
        top--;
        const r = (top - 1) * B;
        const q = top * B;
        if (c === F.add) for (let n = 0; n < len; n++) stack[r + n] = stack[r + n]! + stack[q + n]!;
        else if (c === F.subtract)
          for (let n = 0; n < len; n++) stack[r + n] = stack[r + n]! - stack[q + n]!;
        else if (c === F.multiply)
          for (let n = 0; n < len; n++) stack[r + n] = stack[r + n]! * stack[q + n]!;
        else if (c === F.divide)
          for (let n = 0; n < len; n++) stack[r + n] = stack[r + n]! / stack[q + n]!;
        else for (let n = 0; n < len; n++) stack[r + n] = stack[r + n]! ** stack[q + n]!;
      }
    }
    const out = op.out * B;
    for (let n = 0; n < len; n++) values[out + n] = stack[n]!;
  }

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
      // Numerator accumulated in `out`, denominator in the scratch row z.
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
    } else if (op.op === FORMULA) runFormula(op, len);
    else if (t >= op.fromT) {
      const src = op.input * B;
      for (let n = 0; n < len; n++) values[out + n] = values[out + n]! + values[src + n]!;
    }
  };
}
