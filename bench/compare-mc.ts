/**
 * Compares the Monte Carlo engine with the NumPy reference on the benchmark workload: runs
 * `python3 ../shared/bench/mc_reference.py` and `bench/mc.ts` in fresh processes (no warm-up),
 * each under `/usr/bin/time -v` for its peak resident set, at 100,000 and 1,000,000 paths, and
 * prints per size: the ratio of wall times (ours / NumPy's, each the `ms` the script reports:
 * the simulation alone, workers' start-up included for ours), the largest |Δ probability|, the
 * largest relative difference of a quantile, and both peak RSS figures.
 *
 *     npm run bench:mc:compare [-- workload.json] [--sizes 100000,1000000] [--repeat N]
 *                              [--shared <dir holding mc_reference.py>]
 *
 * With `--repeat N` each side runs N times (alternating) and the medians are reported, which
 * steadies the figures on a shared machine; `timeRatioSpread` is the range of the ratios of each
 * of our runs to the reference run just before it, and `…MsEach` lists every run.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface McOutput {
  readonly ms: number;
  readonly paths: number;
  readonly probabilities: Readonly<Record<string, number>>;
  readonly quantiles: Readonly<Record<string, readonly (readonly number[])[]>>;
}

interface Run {
  readonly out: McOutput;
  readonly rssMB: number;
}

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The shared benchmark folder: `../shared/bench` beside the repository, or two levels up (a git
 * worktree one folder deeper), or `--shared <dir>`.
 */
function sharedBench(flag: string | undefined): string {
  const candidates = flag === undefined ? ["../shared/bench", "../../shared/bench"] : [flag];
  const found = candidates.find((dir) => existsSync(resolve(root, dir, "mc_reference.py")));
  if (found === undefined)
    throw new Error(`no mc_reference.py in ${candidates.join(" or ")} (give --shared <dir>)`);
  return found;
}

function timed(command: string, args: readonly string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-v", command, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  if (kb === null) throw new Error(`no peak RSS in the output of /usr/bin/time:\n${r.stderr}`);
  return { out: JSON.parse(r.stdout) as McOutput, rssMB: Number(kb[1]) / 1024 };
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};

function compare(ours: McOutput, ref: McOutput): { dp: number; dq: number } {
  let dp = 0;
  for (const [id, p] of Object.entries(ref.probabilities)) {
    const q = ours.probabilities[id];
    if (q === undefined) throw new Error(`target ${id} missing from our output`);
    dp = Math.max(dp, Math.abs(q - p));
  }
  let dq = 0;
  for (const [ind, rows] of Object.entries(ref.quantiles))
    rows.forEach((row, t) => {
      row.forEach((v, k) => {
        const o = ours.quantiles[ind]?.[t]?.[k];
        if (o === undefined) throw new Error(`quantile ${ind}[${t}][${k}] missing from our output`);
        dq = Math.max(dq, Math.abs(o / v - 1));
      });
    });
  return { dp, dq };
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
  };
  const positional = args.filter((a, k) => !a.startsWith("--") && !args[k - 1]?.startsWith("--"));
  const shared = sharedBench(flag("--shared"));
  const workload = positional[0] ?? `${shared}/mc-workload.json`;
  const sizes = (flag("--sizes") ?? "100000,1000000").split(",").map(Number);
  const repeat = Number(flag("--repeat") ?? "1");
  const rows = [];
  for (const paths of sizes) {
    const refs: Run[] = [];
    const ours: Run[] = [];
    for (let k = 0; k < repeat; k++) {
      refs.push(timed("python3", [`${shared}/mc_reference.py`, workload, String(paths)]));
      ours.push(
        timed(process.execPath, ["--import", "tsx", "bench/mc.ts", workload, String(paths)]),
      );
    }
    const refMs = median(refs.map((r) => r.out.ms));
    const ourMs = median(ours.map((r) => r.out.ms));
    const diffs = ours.map((o, k) => compare(o.out, refs[k]!.out));
    // Each run of ours against the reference run just before it (they alternate).
    const pairRatios = ours.map((o, k) => o.out.ms / refs[k]!.out.ms);
    const round3 = (x: number) => Math.round(x * 1000) / 1000;
    rows.push({
      paths,
      numpyMs: refMs,
      oursMs: ourMs,
      timeRatio: round3(ourMs / refMs),
      timeRatioSpread: [round3(Math.min(...pairRatios)), round3(Math.max(...pairRatios))],
      numpyMsEach: refs.map((r) => r.out.ms),
      oursMsEach: ours.map((r) => r.out.ms),
      maxAbsProbabilityDiff: Math.max(...diffs.map((d) => d.dp)),
      maxRelQuantileDiff: Math.max(...diffs.map((d) => d.dq)),
      numpyPeakRssMB: Math.round(median(refs.map((r) => r.rssMB))),
      oursPeakRssMB: Math.round(median(ours.map((r) => r.rssMB))),
      runs: repeat,
    });
  }
  console.log(JSON.stringify({ workload, rows }, null, 1));
}

main();
