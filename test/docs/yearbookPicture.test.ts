// The picture of a yearbook table in docs/data-formats.md is what scripts/render-yearbook-picture.ts
// draws from the committed yearbook fixture, so it cannot drift from what the reader is tested on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PICTURE_PATH, renderYearbookPicture } from "../../scripts/render-yearbook-picture.js";

describe("docs/images/yearbook-table.svg", () => {
  it("is what the script draws from test/fixtures/good/yearbook-gdp.xlsx", async () => {
    const bytes = new Uint8Array(
      readFileSync(join(__dirname, "..", "fixtures", "good", "yearbook-gdp.xlsx")),
    );
    const drawn = await renderYearbookPicture(bytes);
    expect(readFileSync(PICTURE_PATH, "utf8")).toBe(drawn);
    // The parts the docs point at: the title, the 「—」 cell, the conversion of C3.
    expect(drawn).toContain("各县（市、区）地区生产总值（万元）");
    expect(drawn).toContain(">—</text>");
    expect(drawn).toContain("C3: 6,518,600 万元 → 651.86 (100M yuan)");
  });

  it("is linked from docs/data-formats.md", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "data-formats.md"), "utf8");
    expect(doc).toContain("](images/yearbook-table.svg)");
  });
});
