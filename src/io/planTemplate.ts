import { assessPack } from "../assessment/assessPack.js";
import { type CheckedAssessArgs, checkAssessArgs } from "../assessment/checkAssessArgs.js";
import { checkString } from "../internal/checkArgs.js";
import type { AssessmentRow, DataNeed } from "../schemas/assessment.js";
import { indicatorBounds } from "../schemas/indicator.js";
import type { Issue } from "../schemas/issue.js";
import type { Observation } from "../schemas/observation.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { ScenarioInput } from "../schemas/scenario.js";
import { unitEntry } from "../schemas/units.js";
import { sheetNames } from "./internal/sheetNames.js";
import { yearRanges } from "./internal/yearRanges.js";

/** The name of the workbook's first sheet, which says how to fill the others. */
export const TEMPLATE_README_SHEET = "README";

/** Options of {@link planTemplate} and `buildTemplateWorkbook`. */
export interface PlanTemplateOptions {
  /**
   * Observations the user already has, added to the pack's before the data needs are worked out
   * (as `assessPack`'s `data`): the template then asks only for what is still lacking.
   */
  readonly data?: readonly Observation[];
  /** Throw on a bad `data` row instead of leaving it out (as `assessPack`'s `strict`). */
  readonly strict?: boolean;
  /**
   * How the README's command names the pack after `--pack` (default the pack's id); the CLI
   * passes the `--pack` value, e.g. a pack file's path.
   */
  readonly packArgument?: string;
  /** How the README's command names the filled workbook after `--data` (default `needs.xlsx`). */
  readonly fileName?: string;
}

/** One row of a template sheet: a place or group whose values are lacking. */
export interface TemplateRow {
  /** The place or group id, written in column A (the reader resolves it). */
  readonly scope: string;
  readonly scopeKind: "place" | "group";
  readonly nameZh: string;
  readonly nameEn: string;
  /** The years the data-readiness list asks for this scope, ascending. */
  readonly years: readonly number[];
  /** At least this many of `years` are needed. */
  readonly minCount: number;
  /**
   * Years of `years` that are needed whatever the others (a growth target's base year; every
   * year when all are needed), as the readiness list says; ascending, often empty.
   */
  readonly requiredYears: readonly number[];
  /**
   * The years needed, in words: `at least 2 of 2015–2024`, `years 2021–2024`, `year 2020`,
   * `year 2020 and at least 2 of 2015–2024`.
   */
  readonly yearsText: string;
  /** Why they are needed, as the data-readiness list says (English). */
  readonly why: string;
}

/** A target that a sheet helps to make evaluable. */
export interface TemplateTarget {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The other indicators (sheets) the target also lacks, by indicator id. */
  readonly alsoNeeds: readonly string[];
}

/** One sheet of the template: one indicator, its lacking places or groups × years. */
export interface TemplateSheet {
  /** The sheet's name: the indicator id, cut to Excel's 31 characters (and made unique) if longer. */
  readonly sheetName: string;
  readonly indicator: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The indicator's unit, as the pack writes it (values are to be written in it). */
  readonly unit: string;
  /** The unit's Chinese form (`亿元` for `100M yuan`), when the unit is a word the unit table knows. */
  readonly unitZh?: string;
  /** Row 1 of the sheet: `地区生产总值 GDP（亿元 100M yuan）`. */
  readonly title: string;
  /** The admissible values (see `indicatorBounds`). */
  readonly bounds: readonly [number, number];
  /** The sheet's year columns: every year some row asks for, ascending. */
  readonly years: readonly number[];
  readonly rows: readonly TemplateRow[];
  /** The targets that lack this indicator, in the pack's order. */
  readonly targets: readonly TemplateTarget[];
}

/** What a fill-in template holds: the data an assessment lacks, one sheet per indicator. */
export interface TemplatePlan {
  readonly pack: string;
  readonly packNameZh: string;
  readonly packNameEn: string;
  /** The scenario's id and English name. */
  readonly scenario: string;
  readonly scenarioName: string;
  /** One sheet per lacking indicator, in the order the data-readiness list first names them. */
  readonly sheets: readonly TemplateSheet[];
  /** The `insufficient-data` targets the sheets would make evaluable once filled in. */
  readonly targets: readonly string[];
  /**
   * The command that assesses the pack with the filled workbook (a scenario given as an object is
   * named `<its id>.json`, the file the user would save it in).
   */
  readonly command: string;
  /** Problems with `options.data` (rows left out), as the assessment reports them. */
  readonly issues: readonly Issue[];
}

/**
 * Works out a fill-in template for the data an assessment lacks: assesses the pack under the
 * scenario (see `assessPack`), takes its data-readiness list (see `collectReadiness`) and makes
 * one sheet per indicator, with a row per place or group the list names, the years it asks for,
 * and the targets each indicator would make evaluable. `buildTemplateWorkbook` writes it as an
 * XLSX workbook; docs/data-formats.md describes the layout.
 *
 * @param pack - the region pack.
 * @param scenario - a named scenario's id, or a scenario object (as `assessPack` takes).
 * @param options - `data` and `strict` (as `assessPack`), `packArgument` and `fileName` for the
 *   README's command.
 * @returns the plan, plain data.
 * @throws {ArgumentTypeError} as `assessPack`, naming `planTemplate` (`planTemplate: pack must
 *   be a region pack (got null)`, `planTemplate: options.fileName must be a non-empty string (got
 *   1)`, `planTemplate: options.file is not an option; did you mean fileName? (…)`).
 * @throws {ArgumentRangeError} `planTemplate: scenario must be a scenario id of the pack
 *   ("trend", "plan", "downside"); did you mean "trend"? (got the string "trnd")`.
 * @example
 * const plan = planTemplate(qujingPack, "trend");
 * plan.sheets.find((s) => s.indicator === "urbanization_hukou_pct")?.title; // "户籍人口城镇化率 Urbanization rate (household registration)（%）"
 * plan.command; // "regionsim assess --pack qujing --scenario trend --data needs.xlsx"
 */
export function planTemplate(
  pack: RegionPack,
  scenario: string | ScenarioInput,
  options: PlanTemplateOptions = {},
): TemplatePlan {
  return planCheckedTemplate(checkTemplateArgs("planTemplate", pack, scenario, options));
}

/** The checked arguments of a template entry point. */
export interface TemplateArgs extends CheckedAssessArgs {
  readonly packArgument: string;
  readonly fileName: string;
}

/** Checks the arguments of {@link planTemplate} or `buildTemplateWorkbook`, naming `fn`. */
export function checkTemplateArgs(
  fn: string,
  pack: unknown,
  scenario: unknown,
  options: unknown,
): TemplateArgs {
  const args = checkAssessArgs(fn, pack, scenario, options, ["packArgument", "fileName"]);
  const { packArgument, fileName } = args.options;
  return {
    ...args,
    packArgument:
      packArgument === undefined
        ? args.pack.id
        : checkString(fn, "options.packArgument", packArgument, { nonEmpty: true }),
    fileName:
      fileName === undefined
        ? "needs.xlsx"
        : checkString(fn, "options.fileName", fileName, { nonEmpty: true }),
  };
}

/** {@link planTemplate} on checked arguments. */
export function planCheckedTemplate(args: TemplateArgs): TemplatePlan {
  const { pack } = args;
  const assessment = assessPack(pack, args.scenario, {
    data: args.data.observations,
  });
  const needs = assessment.readiness;
  const indicators = [...new Set(needs.map((n) => n.indicator))];
  const names = sheetNames(indicators, [TEMPLATE_README_SHEET]);
  const lacking = assessment.rows.filter((r) => r.missing.length > 0);
  const sheets = indicators.map((id, i) =>
    planSheet(
      pack,
      id,
      names[i] as string,
      needs.filter((n) => n.indicator === id),
      lacking,
    ),
  );
  const scenarioArgument =
    typeof args.scenario === "string" ? args.scenario : `${assessment.scenario}.json`;
  return {
    pack: pack.id,
    packNameZh: pack.nameZh,
    packNameEn: pack.nameEn,
    scenario: assessment.scenario,
    scenarioName: assessment.scenarioName,
    sheets,
    targets: lacking.map((r) => r.targetId),
    command: [
      "regionsim assess --pack",
      shellWord(args.packArgument),
      "--scenario",
      shellWord(scenarioArgument),
      "--data",
      shellWord(args.fileName),
    ].join(" "),
    issues: args.data.issues,
  };
}

function planSheet(
  pack: RegionPack,
  id: string,
  sheetName: string,
  needs: readonly DataNeed[],
  lacking: readonly AssessmentRow[],
): TemplateSheet {
  // The readiness list names only indicators and scopes of the pack.
  const indicator = pack.dataset.indicators.find((i) => i.id === id);
  if (indicator === undefined) throw new Error(`planTemplate: no indicator ${id} in the pack`);
  const unitZh = chineseUnit(indicator.unit);
  const unitLabel = unitZh === undefined ? indicator.unit : `${unitZh} ${indicator.unit}`;
  const rows = needs.map((n): TemplateRow => {
    const place = pack.dataset.places.find((p) => p.id === n.scope);
    const named = place ?? pack.dataset.groups.find((g) => g.id === n.scope);
    const years = [...n.years].sort((a, b) => a - b);
    // The readiness list keeps the years some target needs whatever the others; a need that asks
    // for all its years requires each of them.
    const requiredYears = n.requiredYears ?? (n.minCount >= years.length ? years : []);
    const countText =
      years.length === 1
        ? `year ${years[0]}`
        : n.minCount >= years.length
          ? `years ${yearRanges(years)}`
          : `at least ${n.minCount} of ${yearRanges(years)}`;
    const required =
      requiredYears.length === 0 || n.minCount >= years.length
        ? ""
        : `${requiredYears.length === 1 ? "year" : "years"} ${yearRanges(requiredYears)} and `;
    return {
      scope: n.scope,
      scopeKind: place === undefined ? "group" : "place",
      nameZh: named?.nameZh ?? n.scope,
      nameEn: named?.nameEn ?? n.scope,
      years,
      minCount: n.minCount,
      requiredYears,
      yearsText: `${required}${countText}`,
      why: n.why,
    };
  });
  const targets = lacking
    .filter((r) => r.missing.some((m) => m.indicator === id))
    .map((r) => ({
      id: r.targetId,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      alsoNeeds: [...new Set(r.missing.map((m) => m.indicator))].filter((other) => other !== id),
    }));
  return {
    sheetName,
    indicator: id,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    ...(unitZh === undefined ? {} : { unitZh }),
    title: `${indicator.nameZh} ${indicator.nameEn}（${unitLabel}）`,
    bounds: indicatorBounds(indicator),
    years: [...new Set(rows.flatMap((r) => r.years))].sort((a, b) => a - b),
    rows,
    targets,
  };
}

/**
 * The Chinese form of a unit written as a word (`亿元` for `100M yuan`, `个` for `count`) from the
 * unit table; none for a symbol such as `%` or a unit the table does not know.
 */
function chineseUnit(unit: string): string | undefined {
  if (!/[a-z]/i.test(unit)) return undefined;
  return unitEntry(unit)?.names.find((n) => /\p{Script=Han}/u.test(n));
}

/** A word of a command line as a POSIX shell reads it: quoted when it holds anything unusual. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
