// validatePack and checkPack: a pack is checked whole when it enters (schema, every id it names,
// its observations), and hostile packs come back as issues naming the problem.
import { describe, expect, it } from "vitest";
import {
  ArgumentTypeError,
  checkPack,
  formatIssue,
  qujingPack,
  type RegionPackInput,
  SCHEMA_VERSION,
  validatePack,
} from "../../src/index.js";

/** A small pack written as a user would, with the lists that have defaults left out. */
function smallPack(): RegionPackInput {
  return {
    id: "demo",
    nameZh: "示例市",
    nameEn: "Demo City",
    plan: { titleZh: "规划", titleEn: "Plan", baseYear: 2020, issued: 2021, endYear: 2025 },
    dataset: {
      places: [
        { id: "east", nameZh: "东区", nameEn: "East", kind: "district" },
        { id: "west", nameZh: "西县", nameEn: "West", kind: "county" },
      ],
      groups: [{ id: "city", nameZh: "示例市", nameEn: "Demo City", members: ["east", "west"] }],
      indicators: [
        {
          id: "gdp",
          nameZh: "地区生产总值",
          nameEn: "GDP",
          unit: "100M yuan",
          kind: "level",
          aggregation: { rule: "sum" },
          scale: "log",
        },
      ],
      observations: [
        {
          place: "east",
          indicator: "gdp",
          year: 2020,
          value: 100,
          unit: "100M yuan",
          source: "S",
          quality: "A",
        },
        {
          place: "west",
          indicator: "gdp",
          year: 2020,
          value: 50,
          unit: "100M yuan",
          source: "S",
          quality: "A",
        },
      ],
    },
    targets: [
      {
        id: "gdp-2025",
        nameZh: "地区生产总值",
        nameEn: "GDP",
        kind: "level",
        scope: "city",
        indicator: "gdp",
        comparator: ">=",
        value: 200,
        unit: "100M yuan",
        year: 2025,
        baseYear: 2020,
        provenance: { kind: "plan", quote: "…" },
      },
    ],
    scenarios: [{ id: "flat", nameEn: "Flat", description: "No growth." }],
  };
}

/** The pack, changed by `edit` (on a deep copy). */
// biome-ignore lint/suspicious/noExplicitAny: the edits reach into raw JSON at any depth, as a hostile file would.
function edited(edit: (p: any) => void): unknown {
  const p = structuredClone(smallPack());
  edit(p);
  return p;
}

const errorsOf = (input: unknown) =>
  validatePack(input)
    .issues.filter((i) => i.severity === "error")
    .map(formatIssue);

describe("validatePack", () => {
  it("accepts a pack without breaks, references or sources and fills in their defaults", () => {
    const v = validatePack(smallPack());
    expect(v.issues).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.pack?.dataset.breaks).toEqual([]);
    expect(v.pack?.references).toEqual([]);
    expect(v.pack?.scenarios[0]?.models).toEqual([]);
  });

  it("accepts the Qujing pack, written to JSON and read back, keeping its observations", () => {
    const v = validatePack(JSON.parse(JSON.stringify(qujingPack)));
    expect(v.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(v.pack?.dataset.observations).toEqual(qujingPack.dataset.observations);
  });

  it("accepts a missing or same-major schemaVersion and refuses a newer major alone", () => {
    expect(validatePack({ ...smallPack(), schemaVersion: SCHEMA_VERSION }).ok).toBe(true);
    expect(validatePack({ ...smallPack(), schemaVersion: "1.7" }).ok).toBe(true);
    expect(errorsOf({ ...smallPack(), schemaVersion: "2.0" })).toEqual([
      'schemaVersion: schemaVersion "2.0" is newer than this version of regionsim reads (1.x); upgrade regionsim',
    ]);
    expect(errorsOf({ ...smallPack(), schemaVersion: "one" })).toEqual([
      'schemaVersion: invalid format (expected a version "major.minor", such as "1.0", got "one")',
    ]);
  });
});

/** Hostile packs: each gives exactly these errors. */
const hostile: readonly [string, unknown, readonly string[]][] = [
  [
    'a target whose scope is "ctiy"',
    edited((p) => {
      p.targets[0].scope = "ctiy";
    }),
    ['targets[0].scope: unknown place; did you mean city, east or west? (got "ctiy")'],
  ],
  [
    "a group member that is not a place",
    edited((p) => {
      p.dataset.groups[0].members.push("nowhere");
    }),
    ['dataset.groups[0].members[2]: unknown place; did you mean west or east? (got "nowhere")'],
  ],
  [
    "a group member that is a group, not a place",
    edited((p) => {
      p.dataset.groups[0].members.push("city");
    }),
    ['dataset.groups[0].members[2]: unknown place; did you mean east or west? (got "city")'],
  ],
  [
    "a duplicate place id",
    edited((p) => {
      p.dataset.places.push({ ...p.dataset.places[0], nameEn: "East again" });
    }),
    [
      'dataset.places[2].id: duplicate place or group id, first used at dataset.places[0] (got "east")',
    ],
  ],
  [
    "a target indicator misspelt",
    edited((p) => {
      p.targets[0].indicator = "gpd";
    }),
    ['targets[0].indicator: unknown indicator; did you mean gdp? (got "gpd")'],
  ],
  [
    "a rank target against a reference series the pack does not have",
    edited((p) => {
      p.targets.push({
        ...p.targets[0],
        id: "rank",
        kind: "rank",
        year: null,
        value: 70,
        unit: "rank",
        reference: "gdp-70th",
      });
    }),
    ['targets[1].reference: unknown reference series; the pack defines none (got "gdp-70th")'],
  ],
  [
    "a scenario model for an unknown indicator",
    edited((p) => {
      p.scenarios[0].models = [
        { scope: "*", indicator: "gdpp", spec: { kind: "cagr", rate: 0.05 }, reason: "r" },
      ];
    }),
    ['scenarios[0].models[0].indicator: unknown indicator; did you mean gdp? (got "gdpp")'],
  ],
  [
    "a scenario extending one the pack does not have",
    edited((p) => {
      p.scenarios[0].extends = "flta";
    }),
    ['scenarios[0].extends: unknown scenario; did you mean flat? (got "flta")'],
  ],
  [
    "an earlier basis naming an unknown indicator",
    edited((p) => {
      p.dataset.indicators[0].earlierBasis = { indicator: "gpd_hukou", before: 2020, reason: "r" };
    }),
    [
      'dataset.indicators[0].earlierBasis.indicator: unknown indicator; did you mean gdp? (got "gpd_hukou")',
    ],
  ],
  [
    "an earlier basis that places cannot be compared on (a sum), and one that is itself",
    edited((p) => {
      p.dataset.indicators.push({
        ...p.dataset.indicators[0],
        id: "gdp2",
        earlierBasis: { indicator: "gdp", before: 2020, reason: "r" },
      });
      p.dataset.indicators[0].earlierBasis = { indicator: "gdp", before: 2020, reason: "r" };
    }),
    [
      'dataset.indicators[0].earlierBasis.indicator: an indicator cannot be its own earlier basis (got "gdp")',
      `dataset.indicators[1].earlierBasis.indicator: the earlier basis must be an indicator places are compared on (aggregation "ratio" or "weighted-mean"), and gdp's is "sum" (got "gdp")`,
    ],
  ],
  [
    "a break on an unknown indicator",
    edited((p) => {
      p.dataset.breaks = [{ indicator: "pop", year: 2019, reason: "census" }];
    }),
    ['dataset.breaks[0].indicator: unknown indicator; did you mean gdp? (got "pop")'],
  ],
  [
    "an observation with a string value and a wrong unit",
    edited((p) => {
      p.dataset.observations[1].value = "fifty";
      p.dataset.observations[1].unit = "yuan";
    }),
    [
      'dataset.observations[1].value: not a number (expected a finite number, got "fifty")',
      'dataset.observations[1].unit: differs from the unit of gdp (expected "100M yuan", got "yuan")',
    ],
  ],
  [
    "a negative GDP observation",
    edited((p) => {
      p.dataset.observations[0].value = -5;
    }),
    [
      "dataset.observations[0].value: negative value for the level indicator gdp (expected at least 0, got -5)",
    ],
  ],
  [
    "a pack without targets",
    edited((p) => {
      delete p.targets;
    }),
    ["targets: missing (expected an array)"],
  ],
];

describe("validatePack on hostile packs", () => {
  for (const [what, input, expected] of hostile) {
    it(`reports ${what}`, () => {
      const v = validatePack(input);
      expect(v.ok).toBe(false);
      expect(v.pack).toBeUndefined();
      expect(errorsOf(input)).toEqual(expected);
    });
  }
});

describe("checkPack", () => {
  it("returns the validated pack, the same object for the same input", () => {
    const input = smallPack();
    const pack = checkPack("assessPack", input);
    expect(pack.dataset.breaks).toEqual([]);
    expect(checkPack("assessPack", input)).toBe(pack);
  });

  it("throws the library's TypeError naming the function, the parameter and the first problem", () => {
    const input = edited((p) => {
      p.targets[0].scope = "ctiy";
      p.targets[0].indicator = "gpd";
    });
    let error: unknown;
    try {
      checkPack("assessPack", input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArgumentTypeError);
    const e = error as ArgumentTypeError;
    expect(e.message).toBe(
      'assessPack: pack is not a valid region pack (targets[0].scope: unknown place; did you mean city, east or west? (got "ctiy")); 1 more problem in error.issues',
    );
    expect(e.code).toBe("invalid-type");
    expect(e.path).toBe("pack.targets[0].scope");
    expect(e.issues?.map((i) => i.field)).toEqual([
      "pack.targets[0].scope",
      "pack.targets[0].indicator",
    ]);
  });

  it("refuses a value that is not a pack, saying what it got", () => {
    expect(() => checkPack("simulatePack", undefined)).toThrow(
      new ArgumentTypeError("simulatePack: pack must be a region pack (got nothing)", {
        code: "missing-argument",
        path: "pack",
      }),
    );
    expect(() => checkPack("assessPack", "qujing")).toThrow(
      'assessPack: pack must be a region pack (got the string "qujing")',
    );
  });
});
