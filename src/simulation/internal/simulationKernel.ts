/**
 * The Monte Carlo kernel: runs path blocks of a compiled simulation and accumulates the exact,
 * mergeable state (histogram counts, attainment counts). Plain numbers and typed arrays only.
 *
 * Everything here is shipped to worker threads as source (`Function.prototype.toString`), so
 * {@link createSimulationKernel} references nothing outside itself: the generator functions come
 * in through `rng`. Only types are imported.
 */

/** Value transform applied before a histogram insert: 0 identity, 1 log, 2 logit on (lo, hi). */
export type KernelTransform = 0 | 1 | 2;

/** A computation on per-path value buffers, run every year after the series update. */
export type KernelOp =
  /** out = Σ inputs (a group sum). */
  | { readonly op: 0; readonly out: number; readonly inputs: readonly number[] }
  /** out = scale · num / den (a group ratio or a share measure). */
  | {
      readonly op: 1;
      readonly out: number;
      readonly num: number;
      readonly den: number;
      readonly scale: number;
    }
  /** out = Σ w·v / Σ w (a weighted mean). */
  | {
      readonly op: 2;
      readonly out: number;
      readonly inputs: readonly number[];
      readonly weights: readonly number[];
    }
  /** out += input from year fromT on (a cumulative sum; out starts at 0 in every block). */
  | { readonly op: 3; readonly out: number; readonly input: number; readonly fromT: number };

/** One histogram: which values it counts in which year, and its fixed grid. */
export interface KernelHistogram {
  /** Year index 1 … T. */
  readonly t: number;
  /** 0: the series' modelling-scale value `baseline + Σe` (src = series); 1: a value buffer. */
  readonly srcKind: 0 | 1;
  readonly src: number;
  readonly transform: KernelTransform;
  /** Bounds of the logit transform. */
  readonly tlo: number;
  readonly thi: number;
  /** Grid: bin k covers [gridLo + k·width, gridLo + (k + 1)·width). */
  readonly gridLo: number;
  readonly invWidth: number;
  readonly bins: number;
  /** Offset of the histogram's bins in the shared counts array. */
  readonly offset: number;
  /** Index of an identical earlier histogram (same values, year and grid) it shares, or −1. */
  readonly alias: number;
}

/** One condition of a compiled target: value buffer, comparator code, thresholds by year. */
export interface KernelCondition {
  readonly src: number;
  /** 0: ≥, 1: ≤, 2: about. */
  readonly cmp: 0 | 1 | 2;
  readonly tolerance: number;
  /** thresholds[t] for t = 1 … T (index 0 unused); NaN where the condition cannot hold. */
  readonly thresholds: Float64Array;
}

/** A compiled target: the years scanned and its conditions. */
export interface KernelTarget {
  readonly fromT: number;
  readonly toT: number;
  /** Due year index, or 0 for a target met in any year of the window. */
  readonly dueT: number;
  readonly conditions: readonly KernelCondition[];
}

/** What a sampled path records: a series' value (srcKind 0) or a value buffer (srcKind 1). */
export interface KernelSampleSeries {
  readonly srcKind: 0 | 1;
  readonly src: number;
}

/** A simulation compiled for the kernel: structured-cloneable (sent to every worker). */
export interface KernelSpec {
  readonly seed: number;
  readonly totalPaths: number;
  readonly blockSize: number;
  /** Number of simulated years T. */
  readonly years: number;
  /** Series (active place × indicator), grouped by indicator: indicator k owns series
   * `indicatorStart[k] … indicatorStart[k + 1] − 1`. */
  readonly indicatorStart: Int32Array;
  /** Stream key of each indicator's common factor. */
  readonly indicatorKey: Float64Array;
  /** Stream key of each series' own shocks. */
  readonly seriesKey: Float64Array;
  /** Baseline on the modelling scale, series-major: `seriesBase[s·T + t − 1]`. */
  readonly seriesBase: Float64Array;
  /** Loadings sigma·√rho (common) and sigma·√(1 − rho) (own), and persistence phi. */
  readonly seriesA: Float64Array;
  readonly seriesB: Float64Array;
  readonly seriesPhi: Float64Array;
  /** First year t (1-based) in which a series receives shocks; before it, it follows its baseline. */
  readonly seriesStart: Int32Array;
  /** 0: log, 1: logit, 2: linear. */
  readonly seriesScale: Int32Array;
  readonly seriesLo: Float64Array;
  readonly seriesHi: Float64Array;
  /** Value buffer the series' original-scale value is written to each year, or −1. */
  readonly seriesValue: Int32Array;
  readonly valueBuffers: number;
  readonly ops: readonly KernelOp[];
  readonly histograms: readonly KernelHistogram[];
  readonly totalBins: number;
  readonly targets: readonly KernelTarget[];
  /** Number of leading paths (global path index) kept whole, and what each records. */
  readonly samplePaths: number;
  readonly sampleSeries: readonly KernelSampleSeries[];
}

/** The generator functions the kernel uses (passed in so that the kernel is self-contained). */
export interface KernelRng {
  xoshiro128Seed(seed: number, stream: number, substream?: number): Int32Array;
  zigguratTables(): { readonly x: Float64Array; readonly ratio: Float64Array };
  fillNormals(
    state: Int32Array,
    tables: { readonly x: Float64Array; readonly ratio: Float64Array },
    out: Float64Array,
    count: number,
  ): void;
}

/** What one block returns: its paths, and its sampled paths (`k × series × T`, or null). */
export interface KernelBlockOutput {
  readonly block: number;
  readonly paths: number;
  readonly sample: Float64Array | null;
}

/**
 * The accumulated state: `counts` (all histograms' bins), `extras` (per histogram: under, over,
 * invalid, min, max), `met` (per target) and `firstYear` (per target: never, t = 1 … T).
 */
export interface KernelState {
  readonly counts: Uint32Array;
  readonly extras: Float64Array;
  readonly met: Float64Array;
  readonly firstYear: Float64Array;
}

/** A kernel: runs blocks (in any order) and returns the state accumulated over them. */
export interface SimulationKernel {
  runBlock(block: number): KernelBlockOutput;
  state(): KernelState;
}

/**
 * Creates a kernel for a compiled simulation. Each block b covers paths
 * `b·blockSize … min(totalPaths, (b + 1)·blockSize) − 1`; its shocks come from streams seeded by
 * (seed, b, series key) and (seed, b, indicator key), so a block's result does not depend on
 * which thread runs it or on the order of the places. Nothing is allocated per path or per year.
 */
export function createSimulationKernel(spec: KernelSpec, rng: KernelRng): SimulationKernel {
  const B = spec.blockSize;
  const T = spec.years;
  const nIndicators = spec.indicatorStart.length - 1;
  const nSeries = spec.seriesBase.length / T;
  const tables = rng.zigguratTables();
  const e = new Float64Array(nSeries * B);
  const d = new Float64Array(nSeries * B);
  const f = new Float64Array(B);
  const z = new Float64Array(B);
  const values = new Float64Array(Math.max(1, spec.valueBuffers) * B);
  const ok = new Uint8Array(B);
  const nTargets = spec.targets.length;
  const firstMet = new Int32Array(Math.max(1, nTargets) * B);
  const nHist = spec.histograms.length;
  const counts = new Uint32Array(spec.totalBins);
  const extras = new Float64Array(5 * nHist);
  for (let h = 0; h < nHist; h++) {
    extras[5 * h + 3] = Number.POSITIVE_INFINITY;
    extras[5 * h + 4] = Number.NEGATIVE_INFINITY;
  }
  const met = new Float64Array(nTargets);
  const firstYear = new Float64Array(nTargets * (T + 1));
  const byYear: number[][] = [];
  for (let t = 0; t <= T; t++) byYear.push([]);
  for (let h = 0; h < nHist; h++)
    if (spec.histograms[h]!.alias < 0) byYear[spec.histograms[h]!.t]!.push(h);
  const cumulativeOuts: number[] = [];
  for (const op of spec.ops) if (op.op === 3) cumulativeOuts.push(op.out);
  const nSample = spec.sampleSeries.length;
  // exp(x) = 2^(n/128) · e^r with n = round(128·x / ln 2) and |r| ≤ ln 2 / 256: a 128-entry table
  // of 2^(j/128), a 2^k table and a degree-5 Taylor polynomial (remainder < 1e-18): within 2 ulp
  // of Math.exp and about twice as fast in V8 (Tang, "Table-driven implementation of the
  // exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2), 1989).
  const expFrac = new Float64Array(128);
  for (let j = 0; j < 128; j++) expFrac[j] = 2 ** (j / 128);
  const expPow2 = new Float64Array(2048);
  for (let k = 0; k < 2048; k++) expPow2[k] = 2 ** (k - 1023);

  // Group sums whose inputs are series values that nothing else reads are accumulated by the
  // series update itself, in series order, which saves a pass over memory.
  const readers = new Int32Array(Math.max(1, spec.valueBuffers));
  for (const op of spec.ops) {
    if (op.op === 0) for (const v of op.inputs) readers[v]!++;
    else if (op.op === 1) {
      readers[op.num]!++;
      readers[op.den]!++;
    } else if (op.op === 2) for (const v of [...op.inputs, ...op.weights]) readers[v]!++;
    else readers[op.input]!++;
  }
  for (const target of spec.targets) for (const c of target.conditions) readers[c.src]!++;
  for (const h of spec.histograms) if (h.srcKind === 1) readers[h.src]!++;
  for (const ss of spec.sampleSeries) if (ss.srcKind === 1) readers[ss.src]!++;
  const bufferSeries = new Int32Array(Math.max(1, spec.valueBuffers)).fill(-1);
  for (let s = 0; s < nSeries; s++)
    if (spec.seriesValue[s]! >= 0) bufferSeries[spec.seriesValue[s]!] = s;
  const fusedInto = new Int32Array(nSeries).fill(-1);
  const fusedFirst = new Uint8Array(nSeries);
  const ops: KernelOp[] = [];
  for (const op of spec.ops) {
    const fusable =
      op.op === 0 && op.inputs.every((v) => bufferSeries[v]! >= 0 && readers[v] === 1);
    if (!fusable) {
      ops.push(op);
      continue;
    }
    let first = nSeries;
    for (const v of op.inputs) {
      const s = bufferSeries[v]!;
      fusedInto[s] = op.out;
      first = Math.min(first, s);
    }
    fusedFirst[first] = 1;
  }

  function updateSeries(s: number, t: number, len: number, state: Int32Array): void {
    rng.fillNormals(state, tables, z, len);
    // Normals are drawn every year (streams stay aligned); shocks apply from the series' start.
    const live = t >= spec.seriesStart[s]!;
    const a = live ? spec.seriesA[s]! : 0;
    const b = live ? spec.seriesB[s]! : 0;
    const phi = spec.seriesPhi[s]!;
    const base = spec.seriesBase[s * T + t - 1]!;
    const off = s * B;
    const into = fusedInto[s]!;
    const vi = into >= 0 ? into : spec.seriesValue[s]!;
    if (vi < 0) {
      for (let n = 0; n < len; n++) {
        const ee = phi * e[off + n]! + a * f[n]! + b * z[n]!;
        e[off + n] = ee;
        d[off + n] = d[off + n]! + ee;
      }
      return;
    }
    // Write the value (own buffer, or the first member of a fused sum), or add it to the sum.
    const vo = vi * B;
    const add = into >= 0 && fusedFirst[s] === 0;
    const scale = spec.seriesScale[s]!;
    if (scale === 0) {
      for (let n = 0; n < len; n++) {
        const ee = phi * e[off + n]! + a * f[n]! + b * z[n]!;
        e[off + n] = ee;
        const dd = d[off + n]! + ee;
        d[off + n] = dd;
        const x = base + dd;
        let v: number;
        if (x > -700 && x < 700) {
          // Round to nearest by the 1.5·2^52 trick, then the table-driven exp (see expFrac).
          const m = x * 184.6649652337873 + 6755399441055744 - 6755399441055744;
          const r = x - m * 0.00541521234663378 - m * 1.4907929134926466e-12;
          const mi = m | 0;
          // Degree-5 Taylor polynomial by Estrin's scheme (a shorter dependency chain).
          const r2 = r * r;
          const p =
            1 +
            r +
            r2 *
              (0.5 +
                r * 0.16666666666666666 +
                r2 * (0.041666666666666664 + r * 0.008333333333333333));
          v = expFrac[mi & 127]! * expPow2[(mi >> 7) + 1023]! * p;
        } else v = Math.exp(x);
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    } else if (scale === 1) {
      const lo = spec.seriesLo[s]!;
      const span = spec.seriesHi[s]! - lo;
      for (let n = 0; n < len; n++) {
        const ee = phi * e[off + n]! + a * f[n]! + b * z[n]!;
        e[off + n] = ee;
        const dd = d[off + n]! + ee;
        d[off + n] = dd;
        const v = lo + span / (1 + Math.exp(-(base + dd)));
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    } else {
      for (let n = 0; n < len; n++) {
        const ee = phi * e[off + n]! + a * f[n]! + b * z[n]!;
        e[off + n] = ee;
        const dd = d[off + n]! + ee;
        d[off + n] = dd;
        const v = base + dd;
        values[vo + n] = add ? values[vo + n]! + v : v;
      }
    }
  }

  function runOp(op: KernelOp, t: number, len: number): void {
    const out = op.out * B;
    if (op.op === 0) {
      const first = op.inputs[0]! * B;
      for (let n = 0; n < len; n++) values[out + n] = values[first + n]!;
      for (let k = 1; k < op.inputs.length; k++) {
        const src = op.inputs[k]! * B;
        for (let n = 0; n < len; n++) values[out + n] = values[out + n]! + values[src + n]!;
      }
    } else if (op.op === 1) {
      const num = op.num * B;
      const den = op.den * B;
      const scale = op.scale;
      for (let n = 0; n < len; n++) values[out + n] = (scale * values[num + n]!) / values[den + n]!;
    } else if (op.op === 2) {
      // Numerator accumulated in `out`, denominator in z (free again after the series update).
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
  }

  function insert(h: number, t: number, len: number): void {
    const hist = spec.histograms[h]!;
    const lo = hist.gridLo;
    const inv = hist.invWidth;
    const bins = hist.bins;
    const off = hist.offset;
    let under = 0;
    let over = 0;
    let invalid = 0;
    let min = extras[5 * h + 3]!;
    let max = extras[5 * h + 4]!;
    let srcOff: number;
    let shift = 0;
    let data: Float64Array;
    if (hist.srcKind === 0) {
      data = d;
      srcOff = hist.src * B;
      shift = spec.seriesBase[hist.src * T + t - 1]!;
    } else {
      data = values;
      srcOff = hist.src * B;
    }
    // Transform into the scratch buffer z (free once the series are updated), then count.
    const transform = hist.transform;
    if (transform === 0) for (let n = 0; n < len; n++) z[n] = data[srcOff + n]! + shift;
    else if (transform === 1) for (let n = 0; n < len; n++) z[n] = Math.log(data[srcOff + n]!);
    else {
      const tlo = hist.tlo;
      const thi = hist.thi;
      for (let n = 0; n < len; n++) {
        const v = data[srcOff + n]!;
        z[n] = Math.log((v - tlo) / (thi - v));
      }
    }
    for (let n = 0; n < len; n++) {
      const y = z[n]!;
      const u = (y - lo) * inv;
      if (u >= 0 && u < bins) {
        const k = off + (u | 0);
        counts[k] = counts[k]! + 1;
      } else if (u < 0) under++;
      else if (u >= bins) over++;
      else invalid++;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    extras[5 * h] = extras[5 * h]! + under;
    extras[5 * h + 1] = extras[5 * h + 1]! + over;
    extras[5 * h + 2] = extras[5 * h + 2]! + invalid;
    extras[5 * h + 3] = min;
    extras[5 * h + 4] = max;
  }

  function evaluateTarget(k: number, t: number, len: number): void {
    const target = spec.targets[k]!;
    const inWindow = t >= target.fromT && t <= target.toT;
    const due = t === target.dueT;
    if (!inWindow && !due) return;
    const conditions = target.conditions;
    const fo = k * B;
    if (conditions.length === 1 && conditions[0]!.cmp !== 2) {
      // One ≥ or ≤ condition: a single pass, no flags.
      const c = conditions[0]!;
      const thr = c.thresholds[t]!;
      if (Number.isNaN(thr)) return;
      const src = c.src * B;
      const sign = c.cmp === 0 ? 1 : -1;
      const st = sign * thr;
      let m = 0;
      for (let n = 0; n < len; n++) {
        if (sign * values[src + n]! >= st) {
          m++;
          if (inWindow && firstMet[fo + n] === 0) firstMet[fo + n] = t;
        }
      }
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
      if (c.cmp === 0) {
        for (let n = 0; n < len; n++) if (!(values[src + n]! >= thr)) ok[n] = 0;
      } else if (c.cmp === 1) {
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

  function recordSample(sample: Float64Array, t: number, count: number): void {
    for (let j = 0; j < nSample; j++) {
      const ss = spec.sampleSeries[j]!;
      for (let n = 0; n < count; n++) {
        let v: number;
        if (ss.srcKind === 1) v = values[ss.src * B + n]!;
        else {
          const y = spec.seriesBase[ss.src * T + t - 1]! + d[ss.src * B + n]!;
          const scale = spec.seriesScale[ss.src]!;
          const lo = spec.seriesLo[ss.src]!;
          const hi = spec.seriesHi[ss.src]!;
          v = scale === 0 ? Math.exp(y) : scale === 1 ? lo + (hi - lo) / (1 + Math.exp(-y)) : y;
        }
        sample[(n * nSample + j) * T + t - 1] = v;
      }
    }
  }

  function runBlock(block: number): KernelBlockOutput {
    const start = block * B;
    const len = Math.min(B, spec.totalPaths - start);
    if (!(len > 0)) throw new RangeError(`simulate: block ${block} is past the last path`);
    const factorStates: Int32Array[] = [];
    for (let i = 0; i < nIndicators; i++)
      factorStates.push(rng.xoshiro128Seed(spec.seed, block, spec.indicatorKey[i]!));
    const seriesStates: Int32Array[] = [];
    for (let s = 0; s < nSeries; s++)
      seriesStates.push(rng.xoshiro128Seed(spec.seed, block, spec.seriesKey[s]!));
    e.fill(0);
    d.fill(0);
    firstMet.fill(0);
    for (const out of cumulativeOuts) values.fill(0, out * B, out * B + B);
    const sampleCount = Math.max(0, Math.min(len, spec.samplePaths - start));
    const sample = sampleCount > 0 ? new Float64Array(sampleCount * nSample * T) : null;
    for (let t = 1; t <= T; t++) {
      for (let i = 0; i < nIndicators; i++) {
        const s0 = spec.indicatorStart[i]!;
        const s1 = spec.indicatorStart[i + 1]!;
        if (s0 === s1) continue;
        rng.fillNormals(factorStates[i]!, tables, f, len);
        for (let s = s0; s < s1; s++) updateSeries(s, t, len, seriesStates[s]!);
      }
      for (const op of ops) runOp(op, t, len);
      for (const h of byYear[t]!) insert(h, t, len);
      for (let k = 0; k < nTargets; k++) evaluateTarget(k, t, len);
      if (sample !== null) recordSample(sample, t, sampleCount);
    }
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
    return { block, paths: len, sample };
  }

  return {
    runBlock,
    state: () => {
      // An alias shares its original's bins (same offset); copy its under/over/min/max too.
      for (let h = 0; h < nHist; h++) {
        const alias = spec.histograms[h]!.alias;
        if (alias >= 0) for (let j = 0; j < 5; j++) extras[5 * h + j] = extras[5 * alias + j]!;
      }
      return { counts, extras, met, firstYear };
    },
  };
}
