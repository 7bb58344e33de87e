/**
 * Writes test/fixtures/assessment-golden.json: for every case of test/helpers/goldenAssessments.ts
 * the digests (SHA-256, 16 hex digits) of its assessment's JSON, part by part, and for simulated
 * cases of the simulation result's too. test/assessment/goldenAssessments.test.ts checks that
 * `assessPack`, `simulatePack` and prepared packs still give exactly these results.
 *
 *     npm run golden:assess [-- --dump <dir>]
 *
 * Rerun it only when a change of the results is intended, and say why in the commit: the file pins
 * the results bit for bit, so that work on speed (caches, prepared packs) is seen to change
 * nothing. `--dump` also writes each case's full JSON to `<dir>/<case>.json`, to find what changed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assessPack, simulatePack } from "../src/index.js";
import { type GoldenCase, goldenCases, partDigests } from "../test/helpers/goldenAssessments.js";

export const GOLDEN_FILE = "test/fixtures/assessment-golden.json";

/** The results of a case, by name: `assessment`, and `simulation` for a simulated case. */
export async function goldenResults(c: GoldenCase): Promise<Record<string, object>> {
  const data = c.data === undefined ? {} : { data: c.data };
  if (c.simulate === undefined) return { assessment: assessPack(c.pack, c.scenario, data) };
  const r = await simulatePack(c.pack, c.scenario, { ...c.simulate, ...data, workers: 1 });
  return { assessment: r.assessment, simulation: r.simulation ?? {} };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--dump");
  const dump = at < 0 ? undefined : process.argv[at + 1];
  if (dump !== undefined) mkdirSync(dump, { recursive: true });
  const out: Record<string, Record<string, Record<string, string>>> = {};
  for (const c of goldenCases()) {
    const results = await goldenResults(c);
    out[c.id] = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, partDigests(v)]));
    if (dump !== undefined)
      writeFileSync(join(dump, `${c.id}.json`), `${JSON.stringify(results, null, 1)}\n`);
  }
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(out, null, 1)}\n`);
  console.log(`wrote ${GOLDEN_FILE} (${Object.keys(out).length} cases)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
