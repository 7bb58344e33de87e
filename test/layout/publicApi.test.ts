// The public API cannot change by accident: the runtime exports of the package entry in Node
// (index.node.ts: the core, index.ts, and the Node entry, node.ts) are compared
// with the committed list in test/fixtures/public-api.txt (one name a line, sorted). A deliberate
// change edits that list in the same commit and says so in the CHANGELOG; a renamed export stays
// in the list under its old name as a deprecated re-export until 1.0.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as api from "../../src/index.node.js";
import * as node from "../../src/node.js";

const committed = readFileSync(new URL("../fixtures/public-api.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line !== "");

describe("the public API", () => {
  it("exports exactly the committed list of runtime names", () => {
    expect(Object.keys(api).sort()).toEqual(committed);
  });

  it("is the browser-safe core and the Node entry, which share no name", () => {
    const coreNames = Object.keys(core);
    const nodeNames = Object.keys(node).sort();
    expect(nodeNames).toEqual(["loadFile", "readTextFile", "validateFile", "writeAssessmentFiles"]);
    expect(coreNames.filter((name) => nodeNames.includes(name))).toEqual([]);
    expect([...coreNames, ...nodeNames].sort()).toEqual(committed);
  });

  it("keeps the committed list sorted and free of duplicates", () => {
    expect([...new Set(committed)].sort()).toEqual(committed);
  });
});
