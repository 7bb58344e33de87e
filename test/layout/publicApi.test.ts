// The public API cannot change by accident: the runtime exports of the package entry are compared
// with the committed list in test/fixtures/public-api.txt (one name a line, sorted). A deliberate
// change edits that list in the same commit and says so in the CHANGELOG; a renamed export stays
// in the list under its old name as a deprecated re-export until 1.0.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";

const committed = readFileSync(new URL("../fixtures/public-api.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "");

describe("the public API", () => {
  it("exports exactly the committed list of runtime names", () => {
    expect(Object.keys(api).sort()).toEqual(committed);
  });

  it("keeps the committed list sorted and free of duplicates", () => {
    expect([...new Set(committed)].sort()).toEqual(committed);
  });
});
