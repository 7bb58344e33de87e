// fast-check arbitraries of valid assessments for the report properties. Text fields mix the
// characters the writers must treat with care: CJK (two terminal columns), control characters
// and line breaks (made printable in text, <br> in Markdown), Markdown specials, and the first
// characters of a spreadsheet formula. Numbers are bounded to what plan figures look like.
import fc from "fast-check";
import {
  type Assessment,
  AssessmentSchema,
  type DataNeed,
  STATUS_ZH,
  type Status,
} from "../../src/schemas/assessment.js";
import type { Issue } from "../../src/schemas/issue.js";

const tricky = fc.constantFrom(
  "\r\n",
  "\r",
  "\n",
  "\t",
  "\u001b",
  "\u0085",
  "\u2028",
  "|",
  "*",
  "_",
  "`",
  "<",
  "[",
  "]",
  "!",
  "\\",
  "=",
  "+",
  "-",
  "@",
  '"',
  ",",
  "−",
  " ",
);
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const ideograph = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
const word = fc.string({ unit: fc.oneof(ascii, ascii, ideograph), minLength: 1, maxLength: 12 });

/** Text from a data file: words, CJK, and now and then a character a writer must escape. */
export const dataText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: tricky }), {
    maxLength: 8,
  })
  .map((parts) => parts.join(" "));

/** Ids as `IdSchema` admits them, a few with `_` and `-`. */
export const id: fc.Arbitrary<string> = fc.constantFrom(
  "city",
  "central-city",
  "qilin",
  "zhanyi",
  "ma_long",
  "gdp",
  "population_resident",
  "urbanization",
  "trade",
  "x1",
);

const year = fc.integer({ min: 2000, max: 2040 });
const amount = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
const fraction = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });
const status = fc.constantFrom<Status>(
  "achieved",
  "on-track",
  "needs-acceleration",
  "off-track",
  "insufficient-data",
);

const need: fc.Arbitrary<DataNeed> = fc.record({
  scope: id,
  indicator: id,
  years: fc.array(year, { maxLength: 5 }),
  minCount: fc.integer({ min: 1, max: 4 }),
  why: dataText,
});

const row = (scenario: string) =>
  fc
    .record({
      targetId: id,
      nameZh: dataText,
      nameEn: dataText,
      kind: fc.constantFrom("level", "growth", "share", "count", "rank", "class" as const),
      scope: id,
      indicator: id,
      year: fc.option(year),
      comparator: fc.constantFrom(">=", "<=", "about" as const),
      target: amount,
      unit: fc.constantFrom("%", "%/yr", "count", "100M yuan", "km²", "万人"),
      projected: fc.option(amount),
      interval: fc.option(
        fc.record({ lower: amount, upper: amount, level: fc.constantFrom(0.8, 0.9, 0.95) }),
      ),
      met: fc.option(fc.boolean()),
      gap: fc.option(fc.record({ absolute: amount, relative: fc.option(fraction) })),
      latest: fc.option(fc.record({ year, value: amount, source: dataText })),
      requiredGrowth: fc.option(fraction),
      impliedGrowth: fc.option(fraction),
      requiredDifferential: fc.option(fraction),
      impliedDifferential: fc.option(fraction),
      firstYearMet: fc.option(year),
      expectedProgress: fc.option(fraction),
      actualProgress: fc.option(fraction),
      probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      status,
      missing: fc.array(need, { maxLength: 3 }),
      notes: fc.array(dataText, { maxLength: 3 }),
    })
    .map((r) => ({ ...r, scenario, statusZh: STATUS_ZH[r.status] }));

const issue: fc.Arbitrary<Issue> = fc
  .record(
    {
      severity: fc.constantFrom("error", "warning" as const),
      code: fc.constantFrom("conflicting-source", "unknown-place"),
      message: dataText,
      file: dataText,
      line: fc.integer({ min: 1, max: 500 }),
      field: dataText,
      expected: dataText,
      received: dataText,
    },
    { requiredKeys: ["severity", "code", "message"] },
  )
  .map((i) => ({ ...i }));

const disparity = fc.record({
  indicator: id,
  year,
  basis: fc.constantFrom("observed", "projected" as const),
  measures: fc.option(
    fc.record({
      n: fc.integer({ min: 1, max: 12 }),
      mean: amount,
      cv: fraction,
      weightedCv: fraction,
      theil: fraction,
      gini: fraction,
      maxMinRatio: fc.double({ min: 1, max: 50, noNaN: true }),
    }),
  ),
  values: fc.array(fc.record({ place: id, value: amount, weight: amount }), { maxLength: 4 }),
  lowest: fc.option(id),
  highest: fc.option(id),
  missing: fc.array(need, { maxLength: 3 }),
  compared: id,
  leftOut: fc.array(id, { maxLength: 3 }),
  break: fc.option(fc.record({ from: id, reason: dataText })),
});

const modelInfo = fc.record({
  requested: dataText,
  fitted: dataText,
  reason: dataText,
  fallback: fc.option(dataText),
});

/** A row of the county table, its names and sources from data files. */
const placeRow = fc.record({
  scope: id,
  kind: fc.constantFrom("place", "group" as const),
  nameZh: dataText,
  nameEn: dataText,
  indicator: fc.constantFrom("gdp", "trade"),
  unit: fc.constantFrom("100M yuan", "万元"),
  latest: fc.option(fc.record({ year, value: amount, source: dataText })),
  year,
  projected: fc.option(amount),
  interval: fc.option(fc.record({ lower: amount, upper: amount, level: fc.constant(0.8) })),
  impliedGrowth: fc.option(fraction),
  share: fc.option(
    fc.record({
      whole: id,
      latestYear: fc.option(year),
      latest: fc.option(amount),
      projected: fc.option(amount),
    }),
  ),
  perCapita: fc.option(
    fc.record({
      indicator: id,
      compared: id,
      denominator: id,
      unit: dataText,
      year,
      value: amount,
    }),
  ),
  seriesBasis: fc.option(fc.constantFrom("observed", "places" as const)),
  model: fc.option(modelInfo),
  informative: fc.boolean(),
});

/**
 * A valid assessment of a few targets, with discrepancies, disparity, a county table and issues
 * now and then.
 */
export const assessmentArbitrary: fc.Arbitrary<Assessment> = fc
  .record(
    {
      pack: id,
      scenario: id,
      scenarioName: dataText,
      asOf: year,
      discrepancies: fc.array(
        fc.record({
          scope: id,
          indicator: id,
          year,
          observed: amount,
          aggregated: amount,
          relative: fraction,
          placesWithData: fc.array(id, { maxLength: 4 }),
        }),
        { maxLength: 2 },
      ),
      readiness: fc.array(need, { maxLength: 2 }),
      disparity: fc.array(disparity, { maxLength: 2 }),
      placeTable: fc.array(placeRow, { maxLength: 4 }),
      issues: fc.array(issue, { maxLength: 3 }),
      simulation: fc.record({
        paths: fc.integer({ min: 1, max: 100_000 }),
        seed: fc.integer({ min: 0, max: 1_000 }),
        baseYear: year,
      }),
    },
    {
      requiredKeys: [
        "pack",
        "scenario",
        "scenarioName",
        "asOf",
        "discrepancies",
        "readiness",
        "issues",
      ],
    },
  )
  .chain((a) =>
    fc
      .array(row(a.scenario), { maxLength: 6 })
      .map((rows) => AssessmentSchema.parse({ ...a, rows })),
  );

/** One assessment or a list of up to three (one per scenario), as the writers accept. */
export const assessmentsArbitrary: fc.Arbitrary<Assessment | Assessment[]> = fc.oneof(
  assessmentArbitrary,
  fc.array(assessmentArbitrary, { maxLength: 3 }),
);
