// A catalogue of hostile inputs to the readers, each with what must come of it: a broken
// contract (wrong type, missing argument, unknown option) throws the library's own error naming
// the function, the parameter and the value; bad data (however deep, odd or large) is an issue.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  formatIssue,
  jsonSchemaOf,
  readObservationsCsv,
  readObservationsJson,
  readPrefecturePanel,
  readScenarioJson,
  readTargetsJson,
  readTextFile,
  resolveName,
  validateFile,
} from "regionsim";
import { afterAll, describe, expect, it } from "vitest";
import { testMeta } from "./testMeta.js";

const tmp = mkdtempSync(join(tmpdir(), "regionsim-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A value of the wrong type, as a JavaScript caller may pass it. */
const loose = <T>(value: unknown): T => value as T;

/** A broken contract: the class, code, path and exact message of what `run` throws. */
interface Throws {
  readonly run: () => unknown;
  readonly error: typeof ArgumentTypeError | typeof ArgumentRangeError;
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

const contracts: Readonly<Record<string, Throws>> = {
  "readObservationsCsv with a number for the text": {
    run: () => readObservationsCsv(loose(42), testMeta),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "text",
    message: "readObservationsCsv: text must be a string (got 42)",
  },
  "readObservationsCsv with a pack id for the metadata": {
    run: () => readObservationsCsv("", loose("qujing")),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "meta",
    message:
      'readObservationsCsv: meta must be a dataset\'s metadata with places, groups and indicators (got the string "qujing")',
  },
  "readObservationsCsv without metadata": {
    run: () => loose<(text: string) => unknown>(readObservationsCsv)("place\n"),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "meta",
    message:
      "readObservationsCsv: meta must be a dataset's metadata with places, groups and indicators (got nothing)",
  },
  "readObservationsCsv with metadata lacking its groups": {
    run: () => readObservationsCsv("", loose({ places: [], indicators: [] })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "meta",
    message:
      "readObservationsCsv: meta must be a dataset's metadata with places, groups and indicators (got an object with keys places, indicators)",
  },
  "readObservationsCsv with a file name that is a number": {
    run: () => readObservationsCsv("", testMeta, loose({ file: 3 })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.file",
    message: "readObservationsCsv: options.file must be a string (got 3)",
  },
  "readObservationsCsv with the file name for the options": {
    run: () => readObservationsCsv("", testMeta, loose("gdp.csv")),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options",
    message:
      'readObservationsCsv: options must be an object such as { file, convertUnits } (got the string "gdp.csv")',
  },
  "readObservationsJson with a misspelt option": {
    run: () => readObservationsJson("[]", testMeta, loose({ fiel: "x.json" })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.fiel",
    message:
      "readObservationsJson: options.fiel is not an option; did you mean file? (the options are file and convertUnits)",
  },
  "readObservationsJson with a Buffer for the text": {
    run: () => readObservationsJson(loose(new Uint8Array([0x5b, 0x5d])), testMeta),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "text",
    message: "readObservationsJson: text must be a string (got an instance of Uint8Array)",
  },
  "readScenarioJson with a string for the scenarios it may extend": {
    run: () => readScenarioJson("{}", testMeta, loose({ scenarios: "base" })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.scenarios",
    message:
      'readScenarioJson: options.scenarios must be an array of scenario ids (got the string "base")',
  },
  "readScenarioJson with a number among the scenario ids": {
    run: () => readScenarioJson("{}", testMeta, loose({ scenarios: ["base", 2] })),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "options.scenarios[1]",
    message: "readScenarioJson: options.scenarios[1] must be a string (got 2)",
  },
  "readScenarioJson with `scenario` for `scenarios`": {
    run: () => readScenarioJson("{}", testMeta, loose({ scenario: ["base"] })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.scenario",
    message:
      "readScenarioJson: options.scenario is not an option; did you mean scenarios? (the options are file, scenarios and references)",
  },
  "readTargetsJson with an indicator of an unknown kind in the metadata": {
    run: () =>
      readTargetsJson(
        "[]",
        loose({
          ...testMeta,
          indicators: [{ ...testMeta.indicators[0], kind: "stock" }],
        }),
      ),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "meta.indicators[0].kind",
    message:
      'readTargetsJson: meta must be a dataset\'s metadata with places, groups and indicators (meta.indicators[0].kind: not an allowed value (expected "level", "rate" or "count", got "stock"))',
  },
  "readTargetsJson with null for the text": {
    run: () => readTargetsJson(loose(null), testMeta),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "text",
    message: "readTargetsJson: text must be a string (got null)",
  },
  "readPrefecturePanel with an array of lines": {
    run: () => readPrefecturePanel(loose(["Sgnyea", "2020"])),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "text",
    message: "readPrefecturePanel: text must be a string (got an array of 2 items)",
  },
  "readPrefecturePanel with metadata passed as options": {
    run: () => readPrefecturePanel("", loose(testMeta)),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.places",
    message:
      "readPrefecturePanel: options.places is not an option; did you mean file? (the options are file)",
  },
  "resolveName with a plural kind": {
    run: () => resolveName("麒麟区", loose("places"), testMeta),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "kind",
    message:
      'resolveName: kind must be "place" or "indicator"; did you mean "place"? (got the string "places")',
  },
  "resolveName with a number for the name": {
    run: () => resolveName(loose(530300), "place", testMeta),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "name",
    message: "resolveName: name must be a string (got 530300)",
  },
  "resolveName with the arguments in the wrong order": {
    run: () => resolveName(loose(testMeta), "place", loose("qilin")),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "name",
    message:
      "resolveName: name must be a string (got an object with keys places, groups, indicators)",
  },
  "validateFile without a path": {
    run: () => validateFile(loose(undefined), testMeta),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "path",
    message: "validateFile: path must be a string (got nothing)",
  },
  "validateFile with a singular kind": {
    run: () => validateFile("x.json", testMeta, loose({ kind: "target" })),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "options.kind",
    message:
      'validateFile: options.kind must be "observations", "scenario", "targets" or "pack"; did you mean "targets"? (got the string "target")',
  },
  "validateFile with a misspelt option": {
    run: () => validateFile("x.json", testMeta, loose({ knd: "targets" })),
    error: ArgumentTypeError,
    code: "unknown-option",
    path: "options.knd",
    message:
      "validateFile: options.knd is not an option; did you mean kind? (the options are kind, scenarios and references)",
  },
  "readTextFile with a URL object for the path": {
    run: () => readTextFile(loose(new URL("file:///tmp/x.csv"))),
    error: ArgumentTypeError,
    code: "invalid-type",
    path: "path",
    message: "readTextFile: path must be a string (got an instance of URL)",
  },
  "jsonSchemaOf with nothing": {
    run: () => loose<() => unknown>(jsonSchemaOf)(),
    error: ArgumentTypeError,
    code: "missing-argument",
    path: "name",
    message:
      'jsonSchemaOf: name must be "observations", "targets", "scenario" or "assessment" (got nothing)',
  },
  "jsonSchemaOf with an unknown document": {
    run: () => jsonSchemaOf(loose("places")),
    error: ArgumentRangeError,
    code: "unknown-id",
    path: "name",
    message:
      'jsonSchemaOf: unknown document "places" (expected observations, targets, scenario or assessment)',
  },
};

describe("a broken contract throws the library's error, naming the function, parameter and value", () => {
  for (const [what, c] of Object.entries(contracts)) {
    it(what, () => {
      let caught: unknown;
      try {
        c.run();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(c.error);
      expect(caught).toMatchObject({ code: c.code, path: c.path, message: c.message });
    });
  }

  it("a bad metadata entry lists every problem in error.issues", () => {
    const meta = loose<typeof testMeta>({
      places: [{ id: "Qilin", nameZh: "麒麟区", nameEn: "Qilin", kind: "district" }],
      groups: [],
      indicators: [{ ...testMeta.indicators[0], unit: "" }],
    });
    let caught: unknown;
    try {
      readObservationsCsv("", meta);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ArgumentTypeError);
    const e = caught as ArgumentTypeError;
    expect(e.message).toBe(
      "readObservationsCsv: meta must be a dataset's metadata with places, groups and indicators " +
        "(meta.places[0].id: invalid format (expected an id of lower-case letters, digits, '-' or " +
        "'_', got \"Qilin\"); 1 more problem in error.issues)",
    );
    expect(e.issues?.map((i) => [i.field, i.code])).toEqual([
      ["meta.places[0].id", "invalid-format"],
      ["meta.indicators[0].unit", "missing-value"],
    ]);
  });

  it("a whole dataset (with its observations) is accepted as metadata", () => {
    const dataset = { ...testMeta, observations: [], breaks: [] };
    expect(
      readObservationsCsv("place,indicator,year,value,unit,source,quality\n", dataset).ok,
    ).toBe(true);
  });
});

describe("JSON nested far deeper than any document is one issue, not a stack overflow", () => {
  const readers = { readObservationsJson, readScenarioJson, readTargetsJson };
  for (const depth of [10_000, 100_000]) {
    for (const [name, read] of Object.entries(readers)) {
      it(`${name} of ${depth.toLocaleString("en-US")} open brackets`, () => {
        const r = read("[".repeat(depth), testMeta, { file: "deep.json" });
        expect(r.ok).toBe(false);
        expect(r.issues.map(formatIssue)).toEqual([
          "deep.json:1:101: nested deeper than 100 levels (expected at most 100 levels of arrays and objects)",
        ]);
        expect(r.issues[0]?.code).toBe("too-deep");
      });
      it(`${name} of ${depth.toLocaleString("en-US")} levels, closed, inside a valid record`, () => {
        const text = `[{"id": ${"[".repeat(depth)}${"]".repeat(depth)}}]`;
        const r = read(text, testMeta);
        expect(r.issues.map(formatIssue)).toEqual([
          "1:107: nested deeper than 100 levels (expected at most 100 levels of arrays and objects)",
        ]);
      });
    }
  }

  it("validateFile of a deeply nested file gives the same one issue", () => {
    const path = join(tmp, "deep-targets.json");
    // Levels 1 and 2 are `{"targets": [`; level 3 opens at column 14, each later one 5 further.
    writeFileSync(path, `{"targets": [${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`);
    const { kind, issues } = validateFile(path, testMeta);
    expect(kind).toBe("targets");
    expect(issues.map(formatIssue)).toEqual([
      `${path}:1:${14 + 5 * 98}: nested deeper than 100 levels (expected at most 100 levels of arrays and objects)`,
    ]);
  });

  it("exactly 100 levels are read (and reported as what they are)", () => {
    const text = `${"[".repeat(100)}${"]".repeat(100)}`;
    const r = readTargetsJson(text, testMeta);
    expect(r.issues.map((i) => i.code)).not.toContain("too-deep");
  });
});
