import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import {
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
import { returnsOrThrowsOwnError } from "../internal/expectOwnError.js";
import { testMeta } from "./testMeta.js";

// Whatever a JavaScript caller passes, a reader returns a result or throws the library's own
// argument error naming the function and the parameter; with a valid dataset and options it
// never throws, whatever the text.

const tmp = mkdtempSync(join(tmpdir(), "regionsim-contracts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const files = ["a.json", "b.csv", "targets.json"].map((name, k) => {
  const path = join(tmp, name);
  writeFileSync(path, ["[]", "place,indicator\n", '{"targets": [1]}'][k] as string);
  return path;
});

type Call = (...args: unknown[]) => unknown;
const call = (f: unknown): Call => f as Call;

/** Text: any string, the JSON of any value, or anything at all. */
const text = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.anything(),
);
/** Metadata: the good one, one with arbitrary entries, or anything at all. */
const meta = fc.oneof(
  fc.constant(testMeta),
  fc.record({
    places: fc.oneof(fc.constant(testMeta.places), fc.array(fc.anything(), { maxLength: 2 })),
    groups: fc.oneof(fc.constant(testMeta.groups), fc.anything()),
    indicators: fc.oneof(
      fc.constant(testMeta.indicators),
      fc.array(fc.jsonValue(), { maxLength: 2 }),
    ),
  }),
  fc.anything(),
);
/** Options: none, good ones, ones with arbitrary values or keys, or anything at all. */
const options = fc.oneof(
  fc.constant(undefined),
  fc.record({ file: fc.string() }),
  fc.record(
    { file: fc.anything(), scenarios: fc.anything(), kind: fc.anything() },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
  fc.anything(),
);
/** Paths: the files written above, a missing one, or anything that is not a string. */
const path = fc.oneof(
  fc.constantFrom(...files, join(tmp, "missing.json")),
  fc.anything().filter((v) => typeof v !== "string"),
);

const READERS = {
  readObservationsCsv,
  readObservationsJson,
  readScenarioJson,
  readTargetsJson,
} as const;

describe("the readers on arbitrary arguments", () => {
  for (const [name, read] of Object.entries(READERS)) {
    it(`${name} returns a result or throws its own error naming text, meta or options`, () => {
      fc.assert(
        fc.property(text, meta, options, (t, m, o) => {
          returnsOrThrowsOwnError(name, ["text", "meta", "options"], () => call(read)(t, m, o));
        }),
      );
    });

    it(`${name} with a valid dataset and options never throws, whatever the text`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          (t) => {
            const r = read(t, testMeta, { file: "x" });
            expect(typeof r.ok).toBe("boolean");
          },
        ),
      );
    });
  }

  it("readPrefecturePanel returns a result or throws its own error naming text or options", () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        returnsOrThrowsOwnError("readPrefecturePanel", ["text", "options"], () =>
          call(readPrefecturePanel)(t, o),
        );
      }),
    );
  });

  it("resolveName returns a result or throws its own error naming name, kind or meta", () => {
    const kind = fc.oneof(fc.constantFrom("place", "indicator", "places"), fc.anything());
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), kind, meta, (n, k, m) => {
        returnsOrThrowsOwnError("resolveName", ["name", "kind", "meta"], () =>
          call(resolveName)(n, k, m),
        );
      }),
    );
  });

  it("readTextFile and validateFile return a result or throw their own error", () => {
    fc.assert(
      fc.property(path, meta, options, (p, m, o) => {
        returnsOrThrowsOwnError("readTextFile", ["path"], () => call(readTextFile)(p));
        returnsOrThrowsOwnError("validateFile", ["path", "meta", "options"], () =>
          call(validateFile)(p, m, o),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("jsonSchemaOf returns a schema or throws its own error naming name", () => {
    const name = fc.oneof(
      fc.constantFrom("observations", "targets", "scenario", "assessment"),
      fc.anything(),
    );
    fc.assert(
      fc.property(name, (n) => {
        returnsOrThrowsOwnError("jsonSchemaOf", ["name"], () => call(jsonSchemaOf)(n));
      }),
      { numRuns: 50 },
    );
  });
});
