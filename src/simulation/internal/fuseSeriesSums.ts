import { OP, SOURCE } from "./kernelCodes.js";
import type { KernelHistogram, KernelOp, KernelSampleSeries, KernelTarget } from "./kernelSpec.js";

/** What {@link fuseSeriesSums} reads: everything that reads value buffers. */
export interface FusionInput {
  readonly valueBuffers: number;
  /** Value buffer of each series, or −1. */
  readonly seriesValue: Int32Array;
  readonly ops: readonly KernelOp[];
  readonly histograms: readonly KernelHistogram[];
  readonly targets: readonly KernelTarget[];
  readonly sampleSeries: readonly KernelSampleSeries[];
}

/** The ops left to run, and where the path update accumulates the fused sums. */
export interface FusedSums {
  readonly ops: readonly KernelOp[];
  /** Per series: the sum it is added into, or −1 (`KernelSpec.seriesSumInto`). */
  readonly seriesSumInto: Int32Array;
  /** Per series: 1 for the first (in series order) of its sum (`KernelSpec.seriesSumFirst`). */
  readonly seriesSumFirst: Uint8Array;
}

/**
 * A stage of the kernel compile: group sums whose inputs are series values that nothing else
 * reads are accumulated by the path update itself, in series order, which saves a pass over
 * memory; their ops are dropped. (In series order, not member order: the sum's rounding may
 * differ from the op's in the last bit, the same on every thread.)
 */
export function fuseSeriesSums(input: FusionInput): FusedSums {
  const nSeries = input.seriesValue.length;
  const size = Math.max(1, input.valueBuffers);
  const readers = new Int32Array(size);
  for (const op of input.ops) {
    if (op.op === OP.sum) for (const v of op.inputs) readers[v]!++;
    else if (op.op === OP.ratio) {
      readers[op.num]!++;
      readers[op.den]!++;
    } else if (op.op === OP.weightedMean)
      for (const v of [...op.inputs, ...op.weights]) readers[v]!++;
    else if (op.op === OP.formula) for (const v of op.inputs) readers[v]!++;
    else readers[op.input]!++;
  }
  for (const target of input.targets) for (const c of target.conditions) readers[c.src]!++;
  for (const h of input.histograms) if (h.srcKind === SOURCE.buffer) readers[h.src]!++;
  for (const ss of input.sampleSeries) if (ss.srcKind === SOURCE.buffer) readers[ss.src]!++;
  const bufferSeries = new Int32Array(size).fill(-1);
  for (let s = 0; s < nSeries; s++)
    if (input.seriesValue[s]! >= 0) bufferSeries[input.seriesValue[s]!] = s;
  const seriesSumInto = new Int32Array(nSeries).fill(-1);
  const seriesSumFirst = new Uint8Array(nSeries);
  const ops: KernelOp[] = [];
  for (const op of input.ops) {
    const fusable =
      op.op === OP.sum && op.inputs.every((v) => bufferSeries[v]! >= 0 && readers[v] === 1);
    if (!fusable) {
      ops.push(op);
      continue;
    }
    let first = nSeries;
    for (const v of op.inputs) {
      const s = bufferSeries[v]!;
      seriesSumInto[s] = op.out;
      first = Math.min(first, s);
    }
    seriesSumFirst[first] = 1;
  }
  return { ops, seriesSumInto, seriesSumFirst };
}
