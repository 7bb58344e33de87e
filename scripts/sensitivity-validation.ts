/**
 * Prints the validation table of docs/sensitivity.md: Sobol' indices estimated by `sobolIndices`
 * for the Ishigami function and Sobol's g-function against their analytic values, at N = 1024
 * and 4096 (seed 1, 200 bootstrap resamples, 95% intervals), and the Morris μ* of the g-function.
 *
 * Run with `npm run validate:sensitivity`: prints the tables and rewrites the block between
 * `<!-- validation:start -->` and `<!-- validation:end -->` of docs/sensitivity.md (a test checks
 * that the page shows what this script computes now).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { morrisScreening } from "../src/analysis/morrisScreening.js";
import { sobolIndices } from "../src/analysis/sobolIndices.js";
import { gFunction, ishigami } from "./reference/sensitivityFunctions.js";

const f3 = (x: number) => x.toFixed(3);

async function table(
  title: string,
  problem: ReturnType<typeof ishigami> | ReturnType<typeof gFunction>,
): Promise<string[]> {
  const sizes = [1024, 4096];
  const results = await Promise.all(
    sizes.map((samples) => sobolIndices(problem.fn, problem.parameters, { seed: 1, samples })),
  );
  const lines = [
    `**${title}** (runs: ${results.map((r) => r.runs).join(" and ")})`,
    "",
    `| input | S1 analytic | ${sizes.map((n) => `S1, N = ${n}`).join(" | ")} | ST analytic | ${sizes.map((n) => `ST, N = ${n}`).join(" | ")} |`,
    `| --- | ---: | ${sizes.map(() => "---:").join(" | ")} | ---: | ${sizes.map(() => "---:").join(" | ")} |`,
  ];
  problem.parameters.forEach((p, i) => {
    const s1 = results.map((r) => `${f3(r.indices[i]!.s1!)} ± ${f3(r.indices[i]!.s1Conf!)}`);
    const st = results.map((r) => `${f3(r.indices[i]!.st!)} ± ${f3(r.indices[i]!.stConf!)}`);
    lines.push(
      `| ${p.name} | ${f3(problem.s1[i]!)} | ${s1.join(" | ")} | ${f3(problem.st[i]!)} | ${st.join(" | ")} |`,
    );
  });
  const worst = results.map((r) =>
    Math.max(
      ...r.indices.flatMap((x, i) => [
        Math.abs(x.s1! - problem.s1[i]!),
        Math.abs(x.st! - problem.st[i]!),
      ]),
    ),
  );
  lines.push(
    "",
    `Largest error: ${sizes.map((n, j) => `${f3(worst[j]!)} (N = ${n})`).join(", ")}.`,
    "",
  );
  return lines;
}

/** The validation tables, as Markdown. */
export async function sensitivityValidation(): Promise<string> {
  const g = gFunction();
  const morris = await morrisScreening(g.fn, g.parameters, { seed: 1, trajectories: 30 });
  const lines = [
    ...(await table("Ishigami (a = 7, b = 0.1), X ~ U(−π, π)³", ishigami())),
    ...(await table("g-function, a = (0, 1, 4.5, 9, 99, 99, 99, 99), X ~ U(0, 1)⁸", g)),
    `**Morris on the g-function** (r = 30, p = 4, seed 1, ${morris.runs} runs)`,
    "",
    "| input | μ* | σ | ST analytic |",
    "| --- | ---: | ---: | ---: |",
    ...morris.effects.map(
      (e, i) => `| ${e.name} | ${f3(e.muStar)} | ${f3(e.sigma)} | ${f3(g.st[i]!)} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** docs/sensitivity.md. */
export const SENSITIVITY_DOC = fileURLToPath(new URL("../docs/sensitivity.md", import.meta.url));

/** The generated block of the page. */
export const VALIDATION_BLOCK = /(<!-- validation:start -->\n)([\s\S]*?)(<!-- validation:end -->)/;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const tables = await sensitivityValidation();
  const doc = readFileSync(SENSITIVITY_DOC, "utf8");
  if (!VALIDATION_BLOCK.test(doc)) throw new Error("docs/sensitivity.md has no validation block");
  writeFileSync(
    SENSITIVITY_DOC,
    doc.replace(VALIDATION_BLOCK, (_, a, __, c) => `${a}${tables}${c}`),
  );
  process.stdout.write(tables);
}
