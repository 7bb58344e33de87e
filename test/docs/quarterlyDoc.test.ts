// docs/reports.md, "The quarterly layout": its excerpts of the Qujing report are what the layout
// gives (regenerate them from `renderReport(…, { layout: "quarterly", only: "judged" })` when the
// pack's data or models change).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessPack, qujingPack, renderReport } from "../../src/index.js";

const DOC = readFileSync(new URL("../../docs/reports.md", import.meta.url), "utf8");
const section = DOC.slice(DOC.indexOf("## The quarterly layout"), DOC.indexOf("## The run record"));
const excerpts = [...section.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/reports.md, the quarterly layout", () => {
  const md = renderReport(assessPack(qujingPack, "trend"), {
    format: "md",
    layout: "quarterly",
    pack: qujingPack,
    date: "2026-03-31",
    only: "judged",
  });

  it("shows two excerpts of the Qujing report, each as the layout gives it", () => {
    expect(excerpts).toHaveLength(2);
    for (const excerpt of excerpts) {
      expect(excerpt.length).toBeGreaterThan(500);
      expect(md).toContain(excerpt);
    }
  });
});
