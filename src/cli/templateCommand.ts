import { extname } from "node:path";
import { nearestIds, normalizeName } from "../internal/nameMatch.js";
import { templateWorkbookBytes } from "../io/buildTemplateWorkbook.js";
import { planTemplate, type TemplatePlan } from "../io/planTemplate.js";
import type { RegionPack } from "../schemas/regionPack.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { usageError } from "./internal/cliFailure.js";
import { findPack } from "./internal/findPack.js";
import { writeOutputFile } from "./internal/outputFile.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";

const TEMPLATE_USAGE = `Usage: regionsim template --pack <id|file> --scenario <name> --out <file.xlsx>

Writes a fill-in workbook of the data the assessment lacks (its data-readiness list): one sheet
per indicator, places and groups down column A, the years asked for across, blank cells to fill,
and a README sheet (Chinese and English) saying how to fill it. Filled in, it goes back with
regionsim assess --pack <id|file> --scenario <name> --data <file.xlsx>.

Options:
  --pack <id|file>      region pack: a built-in id (qujing) or a pack .json file
  --scenario <name>     a named scenario of the pack (e.g. trend, plan, downside)
  --out <file.xlsx>     the workbook to write; its folder must exist, a file of that name is
                        replaced
  -h, --help            show this help`;

/**
 * `regionsim template`: writes the fill-in workbook of what an assessment lacks (see
 * `buildTemplateWorkbook`) and lists its sheets. See docs/cli.md.
 */
export const templateCommand: CliCommand = {
  name: "template",
  summary: "write a fill-in workbook (.xlsx) of the data the targets lack",
  usage: TEMPLATE_USAGE,
  run: template,
};

async function template(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      scenario: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    TEMPLATE_USAGE,
  );
  if (values.help === true) return printUsage(TEMPLATE_USAGE, io);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}"`, TEMPLATE_USAGE);
  if (values.pack === undefined) throw usageError("missing --pack", TEMPLATE_USAGE);
  if (values.scenario === undefined) throw usageError("missing --scenario", TEMPLATE_USAGE);
  const out = values.out;
  if (out === undefined)
    throw usageError("missing --out (the .xlsx file to write)", TEMPLATE_USAGE);
  if (extname(out).toLowerCase() !== ".xlsx")
    throw usageError(`--out must name an .xlsx file (got "${out}")`, TEMPLATE_USAGE);
  const pack = await findPack(values.pack, io, TEMPLATE_USAGE);
  const scenario = namedScenario(values.scenario, pack);
  // The command to read it back names the file as typed, so that it can be pasted where it was run.
  const options = { packArgument: values.pack, fileName: out };
  const plan = planTemplate(pack, scenario, options);
  const bytes = await templateWorkbookBytes(plan);
  await writeOutputFile(out, bytes, io);
  io.stdout.write(summary(out, plan));
  io.stderr.write(`wrote ${out}\n`);
  return EXIT.ok;
}

/** A scenario of the pack by id; an unknown one is a usage error offering the nearest. */
function namedScenario(value: string, pack: RegionPack): string {
  const ids = pack.scenarios.map((s) => s.id);
  if (ids.includes(value)) return value;
  const candidates = ids.map((id) => ({ id, keys: [normalizeName(id)] }));
  const [nearest] = nearestIds(normalizeName(value), candidates, 1);
  const hint = nearest === undefined ? "" : `; did you mean "${nearest}"?`;
  throw usageError(
    `unknown scenario "${value}"${hint} (pack ${pack.id} has: ${ids.join(", ")})`,
    TEMPLATE_USAGE,
  );
}

/** What the workbook asks for, one line per sheet: sheet, rows, years, targets. */
function summary(out: string, plan: TemplatePlan): string {
  if (plan.sheets.length === 0)
    return `${out}: every target of ${plan.pack} can be evaluated under ${plan.scenario}; the workbook holds only its README\n`;
  const lines = [
    `${out}: ${plan.sheets.length} sheet${plan.sheets.length === 1 ? "" : "s"} to fill for ` +
      `${plan.targets.length} insufficient-data target${plan.targets.length === 1 ? "" : "s"} ` +
      `of ${plan.pack} under ${plan.scenario}; then: ${plan.command}`,
  ];
  const width = Math.max(...plan.sheets.map((s) => s.sheetName.length));
  for (const sheet of plan.sheets) {
    // Rows that need the same years are listed together: `central-city, xuanwei (at least 2 of …)`.
    const byYears = new Map<string, string[]>();
    for (const r of sheet.rows)
      byYears.set(r.yearsText, [...(byYears.get(r.yearsText) ?? []), r.scope]);
    const rows = [...byYears]
      .map(([years, scopes]) => `${scopes.join(", ")} (${years})`)
      .join("; ");
    lines.push(
      `  ${sheet.sheetName.padEnd(width)}  ${rows} → ${sheet.targets.map((t) => t.id).join(", ")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
