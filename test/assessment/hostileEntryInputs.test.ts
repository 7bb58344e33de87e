// A catalogue of hostile inputs to the assessment, simulation and report entry points, each with
// what must come of it: a broken contract throws (or rejects with) the library's own error naming
// the function, the parameter and the value; a bad data row is an issue at its index.
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessPack,
  formatAssessmentText,
  formatIssue,
  getPack,
  mergeSimulationResults,
  qujingPack,
  simulate,
  simulatePack,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { loose } from "./entryErrors.js";

/** A broken contract: the class, code, path and exact message of what `run` throws or rejects with. */
interface Throws {
  readonly run: () => unknown;
  readonly error: typeof ArgumentTypeError | typeof ArgumentRangeError;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

const ids = '("trend", "plan", "downside")';
const contracts: Readonly<Record<string, Throws>> = {
  "assessPack without a scenario": {
    run: () => loose<(p: unknown) => unknown>(assessPack)(qujingPack),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "scenario",
    message: `assessPack: scenario must be a scenario id of the pack ${ids} or a scenario object (got nothing)`,
  },
  "assessPack with null for the pack": {
    run: () => assessPack(loose(null), "trend"),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "pack",
    message: "assessPack: pack must be a region pack (got null)",
  },
  "assessPack with a pack id for the pack": {
    run: () => assessPack(loose("qujing"), "trend"),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "pack",
    message: 'assessPack: pack must be a region pack (got the string "qujing")',
  },
  "assessPack with a misspelt scenario id": {
    run: () => assessPack(qujingPack, "trnd"),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "scenario",
    message: `assessPack: scenario must be a scenario id of the pack ${ids}; did you mean "trend"? (got the string "trnd")`,
  },
  "assessPack with a scenario extending an unknown one": {
    run: () =>
      assessPack(qujingPack, {
        id: "mine",
        nameEn: "Mine",
        description: "x",
        extends: "plna",
        models: [],
      }),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "scenario.extends",
    message: `assessPack: scenario.extends must be a scenario id of the pack ${ids}; did you mean "plan"? (got the string "plna")`,
  },
  "assessPack with a number for the scenario": {
    run: () => assessPack(qujingPack, loose(2)),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "scenario",
    message: `assessPack: scenario must be a scenario id of the pack ${ids} or a scenario object (got 2)`,
  },
  "assessPack with a misspelt option": {
    run: () => assessPack(qujingPack, "trend", loose({ dta: [] })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.dta",
    message:
      "assessPack: options.dta is not an option; did you mean data? (the options are data and strict)",
  },
  "assessPack with one observation for the data": {
    run: () => assessPack(qujingPack, "trend", loose({ data: { place: "city" } })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.data",
    message:
      "assessPack: options.data must be an array of observations (got an object with key place)",
  },
  'assessPack with strict: "yes"': {
    run: () => assessPack(qujingPack, "trend", loose({ strict: "yes" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.strict",
    message: 'assessPack: options.strict must be true or false (got the string "yes")',
  },
  "assessPack with strict and a negative GDP": {
    run: () =>
      assessPack(qujingPack, "trend", {
        strict: true,
        data: [
          {
            place: "city",
            indicator: "gdp",
            year: 2023,
            value: -5,
            unit: "100M yuan",
            source: "me",
            quality: "A",
          },
        ],
      }),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "options.data[0].value",
    message:
      "assessPack: options.data must be valid observations (options.data[0].value: negative value for the level indicator gdp (expected at least 0, got -5))",
  },
  "simulatePack without options": {
    run: () =>
      loose<(p: unknown, s: unknown) => Promise<unknown>>(simulatePack)(qujingPack, "trend"),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "options.paths",
    message:
      "simulatePack: options.paths must be given: the number of paths, an integer from 1 to 100000000 (got nothing)",
  },
  "simulatePack with paths as text": {
    run: () => simulatePack(qujingPack, "trend", loose({ paths: "1000", seed: 1 })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.paths",
    message: 'simulatePack: options.paths must be an integer (got the string "1000")',
  },
  "simulatePack without a seed": {
    run: () => simulatePack(qujingPack, "trend", loose({ paths: 1000 })),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "options.seed",
    message: "simulatePack: options.seed must be given: the seed, a safe integer (got nothing)",
  },
  "simulatePack with 0 paths": {
    run: () => simulatePack(qujingPack, "trend", { paths: 0, seed: 1 }),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "options.paths",
    message: "simulatePack: options.paths must be a positive integer ≤ 100000000 (got 0)",
  },
  "simulatePack with a misspelt option": {
    run: () => simulatePack(qujingPack, "trend", loose({ paths: 10, seed: 1, wrokers: 2 })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.wrokers",
    message: expect.stringMatching(
      /^simulatePack: options\.wrokers is not an option; did you mean workers\?/,
    ) as unknown as string,
  },
  "simulate with a quantile as text": {
    run: () => simulate(loose({}), loose({ paths: 10, seed: 1, quantiles: ["0.5"] })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.quantiles[0]",
    message: 'simulate: options.quantiles[0] must be a fraction in (0, 1) (got the string "0.5")',
  },
  "simulate with no quantiles": {
    run: () => simulate(loose({}), { paths: 10, seed: 1, quantiles: [] }),
    error: ArgumentRangeError,
    code: "out-of-range",
    path: "options.quantiles",
    message: "simulate: quantiles must be a non-empty list (got an empty array)",
  },
  "simulate with a signal that is not an AbortSignal": {
    run: () => simulate(loose({}), loose({ paths: 10, seed: 1, signal: true })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.signal",
    message: "simulate: options.signal must be an AbortSignal (got true)",
  },
  "simulate with null for the plan": {
    run: () => simulate(loose(null), { paths: 10, seed: 1 }),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "plan",
    message: "simulate: invalid plan: Invalid input: expected object, received null",
  },
  "mergeSimulationResults with one result for the list": {
    run: () => mergeSimulationResults(loose({ fingerprint: "x" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "results",
    message:
      "mergeSimulationResults: results must be an array of simulation results (got an object with key fingerprint)",
  },
  "formatAssessmentText without an assessment": {
    run: () => loose<() => string>(formatAssessmentText)(),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "assessment",
    message:
      "formatAssessmentText: assessment must be an assessment or a list of them (got nothing)",
  },
  "formatAssessmentText with a numeric title": {
    run: () => formatAssessmentText(assessPack(qujingPack, "trend"), loose({ title: 3 })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.title",
    message: "formatAssessmentText: options.title must be a string (got 3)",
  },
  "getPack with a misspelt id": {
    run: () => getPack("qujng"),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "id",
    message: 'getPack: unknown pack "qujng" (known: qujing); did you mean "qujing"?',
  },
  "getPack without an id": {
    run: () => loose<() => unknown>(getPack)(),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "id",
    message: "getPack: id must be a string (got nothing)",
  },
};

describe("hostile inputs to the assessment, simulation and report entry points", () => {
  for (const [name, c] of Object.entries(contracts)) {
    it(`${name}: ${c.error.name} ${c.code} at ${c.path}`, async () => {
      let thrown: unknown;
      try {
        await c.run();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(c.error);
      expect(thrown).toMatchObject({ code: c.code, path: c.path, message: c.message });
    });
  }
});

/** A bad `data` row: the issue assessPack reports for it (without strict). */
const good = {
  place: "city",
  indicator: "gdp",
  year: 2023,
  value: 3957.8,
  unit: "100M yuan",
  source: "me",
  quality: "A",
};
const badRows: Readonly<Record<string, { readonly row: unknown; readonly issue: string }>> = {
  "a row that is a number": {
    row: 7,
    issue: "data[0]: not an observation (expected an observation object, got 7)",
  },
  "an unknown place": {
    row: { ...good, place: "qiln" },
    issue: 'data[0].place: unknown place; did you mean qilin, city or central-city? (got "qiln")',
  },
  "a value as text": {
    row: { ...good, value: "3957.8" },
    issue: 'data[0].value: wrong type (expected a number, got the string "3957.8")',
  },
  "a year out of range": {
    row: { ...good, year: 20230 },
    issue: "data[0].year: out of range (expected an integer year from 1900 to 2200, got 20230)",
  },
  "a value that is NaN": {
    row: { ...good, value: Number.NaN },
    issue: "data[0].value: not a finite number (expected a finite number, got NaN)",
  },
  "a quality grade D": {
    row: { ...good, quality: "D" },
    issue: 'data[0].quality: not a quality grade (expected A, B or C, got "D")',
  },
  "an empty source": {
    row: { ...good, source: " " },
    issue: "data[0].source: missing (expected a source key)",
  },
};

describe("hostile data rows to assessPack", () => {
  for (const [name, { row, issue }] of Object.entries(badRows)) {
    it(`assessPack leaves out ${name} and reports it at its index`, () => {
      const a = assessPack(qujingPack, "trend", { data: loose([row]) });
      expect(a.issues.map(formatIssue)).toContain(issue);
    });
  }
});
