// Arbitrary JSON in any argument of the assessment's entry points gives a result or the
// library's argument error naming the function and a parameter; never another error.
import fc from "fast-check";
import {
  ArgumentRangeError,
  ArgumentTypeError,
  assessDisparity,
  assessPack,
  assessTargets,
  buildTargetContext,
  collectReadiness,
  disparity,
  getPack,
  mergeObservations,
  projectScenario,
  qujingPack,
  resolveScenario,
} from "regionsim";
import { describe, expect, it } from "vitest";
import { loose, returnsOrOwnError } from "./entryErrors.js";

const json = fc.jsonValue({ maxDepth: 3 });
const scenario = resolveScenario("trend", qujingPack.scenarios);
const projection = projectScenario(qujingPack.dataset, scenario, qujingPack.references);
const dataset = qujingPack.dataset;
const runs = { numRuns: 40 };

describe("assessment entry points with arbitrary JSON", () => {
  it("assessPack: any JSON for the pack, scenario or options gives a result or its own error", () => {
    const params = ["pack", "scenario", "options"];
    fc.assert(
      fc.property(json, (v) => {
        returnsOrOwnError("assessPack", params, () => assessPack(loose(v), "trend"));
        returnsOrOwnError("assessPack", params, () => assessPack(qujingPack, loose(v)));
        returnsOrOwnError("assessPack", params, () => assessPack(qujingPack, "trend", loose(v)));
      }),
      runs,
    );
  });

  it("assessPack: a data row with any JSON in one field is used, or reported at its index (strict throws it)", () => {
    const good = {
      place: "city",
      indicator: "gdp",
      year: 2023,
      value: 3957.8,
      unit: "100M yuan",
      source: "user",
      quality: "A",
    };
    const field = fc.constantFrom(...Object.keys(good), "note");
    fc.assert(
      fc.property(field, json, (key, value) => {
        const data = loose<[]>([{ ...good, [key]: value }]);
        const a = assessPack(qujingPack, "trend", { data });
        const errors = a.issues.filter(
          (i) => i.severity === "error" && i.field?.startsWith("data[0]"),
        );
        const strict = () => assessPack(qujingPack, "trend", { data, strict: true });
        if (errors.length === 0) expect(strict).not.toThrow();
        else {
          expect(strict).toThrow(
            /^assessPack: options\.data must be valid observations \(options\.data\[0\]/,
          );
          try {
            strict();
          } catch (e) {
            expect(e instanceof ArgumentTypeError || e instanceof ArgumentRangeError).toBe(true);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("the building blocks: any JSON in any argument gives a result or their own error", () => {
    fc.assert(
      fc.property(json, (v) => {
        const p = ["pack", "dataset", "projection", "probabilityOf"];
        const none = () => null;
        returnsOrOwnError("assessTargets", p, () =>
          assessTargets(loose(v), dataset, projection, none),
        );
        returnsOrOwnError("assessTargets", p, () =>
          assessTargets(qujingPack, loose(v), projection, none),
        );
        returnsOrOwnError("assessTargets", p, () =>
          assessTargets(qujingPack, dataset, loose(v), none),
        );
        returnsOrOwnError("assessTargets", p, () =>
          assessTargets(qujingPack, dataset, projection, loose(v)),
        );
        returnsOrOwnError("buildTargetContext", p, () =>
          buildTargetContext(loose(v), dataset, projection),
        );
        returnsOrOwnError("buildTargetContext", p, () =>
          buildTargetContext(qujingPack, loose(v), projection),
        );
        returnsOrOwnError("buildTargetContext", p, () =>
          buildTargetContext(qujingPack, dataset, loose(v)),
        );
        const d = ["dataset", "projection", "years"];
        returnsOrOwnError("assessDisparity", d, () =>
          assessDisparity(loose(v), projection, [2020]),
        );
        returnsOrOwnError("assessDisparity", d, () => assessDisparity(dataset, loose(v), [2020]));
        returnsOrOwnError("assessDisparity", d, () =>
          assessDisparity(dataset, projection, loose(v)),
        );
        returnsOrOwnError("collectReadiness", ["rows"], () => collectReadiness(loose(v)));
        const m = ["dataset", "extra"];
        returnsOrOwnError("mergeObservations", m, () => mergeObservations(loose(v), []));
        returnsOrOwnError("mergeObservations", m, () => mergeObservations(dataset, loose(v)));
        returnsOrOwnError("disparity", ["values", "weights"], () => disparity(loose(v)));
        returnsOrOwnError("disparity", ["values", "weights"], () => disparity([1, 2], loose(v)));
        returnsOrOwnError("getPack", ["id"], () => getPack(loose(v)));
      }),
      runs,
    );
  });
});
