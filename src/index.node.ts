// The public API of regionsim in Node: the browser-safe core (index.ts) and what needs Node
// (node.ts, also the `regionsim/node` entry). The package's main entry is this module under the
// `node` condition and index.ts elsewhere (package.json `exports`), so Node code imports
// `loadFile` or `writeAssessmentFiles` from "regionsim" as before.

export * from "./index.js";
export * from "./node.js";
