// docs/solve.md is true: its first example is what regionsim solve prints, and the entries of its
// solved scenario are those the solve writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { solveTarget } from "../../src/analysis/solveTarget.js";
import { qujingPack } from "../../src/packs/qujing/qujingPack.js";
import { builtIn } from "../cli/runCliHarness.js";

const DOC = readFileSync(new URL("../../docs/solve.md", import.meta.url), "utf8");
const blocks = [...DOC.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1] ?? "",
  body: m[2] ?? "",
}));

describe("docs/solve.md", () => {
  it("shows what regionsim solve prints for the doubling spread by gap-share", async () => {
    const r = await builtIn([
      "solve",
      "--pack",
      "qujing",
      "--scenario",
      "trend",
      "--target",
      "gdp-2035-double",
      "--rule",
      "gap-share",
    ]);
    expect(r.code).toBe(0);
    const shown = blocks.filter((b) => b.lang === "")[0]?.body;
    expect(shown).toBe(r.stdout);
  }, 60_000);

  it("shows entries of the solved scenario that the solve writes", async () => {
    const doc = JSON.parse(blocks.find((b) => b.lang === "json")?.body ?? "{}");
    const s = await solveTarget(qujingPack, "trend", "gdp-2035-double");
    const { models, ...rest } = s.scenario;
    expect(doc).toEqual({ ...rest, models: models?.slice(0, 2) });
  }, 60_000);
});
