import type { FileKind } from "../io/loadFile.js";
import { formatIssue } from "../schemas/issue.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { usageError } from "./internal/cliFailure.js";
import { loadUserFile, tableOptions } from "./internal/dataFile.js";
import { findPack } from "./internal/findPack.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";

const VALIDATE_USAGE = `Usage: regionsim validate <file> [--pack <id|file>] [--kind observations|scenario|targets|pack]
                         [--indicator <id>] [--unit <unit>]

Checks a data file (CSV in UTF-8 or GBK, JSON, or an Excel .xlsx workbook) or a region pack file
and prints every issue (file:line:column: or file:sheet!cell: field: message) on stdout, then a
summary line. Exits 1 if there is any error; warnings alone exit 0.

Options:
  --pack <id|file>  pack whose places, groups and indicators names are checked against: a
                    built-in id or a pack .json file (default: the only built-in pack, qujing);
                    not used for a pack file, which defines its own
  --kind <k>        what the file holds; detected from its extension and content if omitted
  --indicator <id>  the indicator of every table of a CSV file or workbook (id or name),
                    instead of what its sheet names or title rows say
  --unit <unit>     the unit of every value of a CSV file or workbook (万元, 100M yuan, …)
  -h, --help      show this help`;

/**
 * `regionsim validate`: checks an observations, scenario or targets file against a pack, or a
 * region pack file on its own (see `loadFile`: CSV, JSON and .xlsx workbooks), prints every issue and a summary line, and
 * exits 1 if there is an error.
 */
export const validateCommand: CliCommand = {
  name: "validate",
  summary: "check an observations, scenario, targets or pack file",
  usage: VALIDATE_USAGE,
  run: validate,
};

async function validate(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    {
      pack: { type: "string" },
      kind: { type: "string" },
      indicator: { type: "string" },
      unit: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    VALIDATE_USAGE,
  );
  if (values.help === true) return printUsage(VALIDATE_USAGE, io);
  const [file, ...extra] = positionals;
  if (file === undefined) throw usageError("missing the file to validate", VALIDATE_USAGE);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`, VALIDATE_USAGE);
  const kind = values.kind;
  if (!isFileKind(kind))
    throw usageError(
      `--kind must be observations, scenario, targets or pack (got "${kind}")`,
      VALIDATE_USAGE,
    );
  const table = tableOptions(values);
  if (kind !== undefined && kind !== "observations" && Object.keys(table).length > 0)
    throw usageError(
      `--${Object.keys(table)[0]} applies to observation files, not --kind ${kind}`,
      VALIDATE_USAGE,
    );
  // A pack file defines its own places and indicators: no pack is needed to check it.
  const pack = kind === "pack" ? undefined : await findPack(values.pack, io, VALIDATE_USAGE);
  const meta = pack?.dataset ?? { places: [], groups: [], indicators: [] };
  const scenarios = pack?.scenarios.map((s) => s.id) ?? [];
  const references = pack?.references.map((r) => r.id) ?? [];
  const result = await loadUserFile(
    file,
    meta,
    { ...(kind === undefined ? {} : { kind }), scenarios, references, ...table },
    io,
    VALIDATE_USAGE,
    pack?.id,
  );
  const issues = result.result.issues;
  for (const issue of issues) io.stdout.write(`${formatIssue(issue)}\n`);
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const against = result.kind === "pack" || pack === undefined ? "" : ` (pack ${pack.id})`;
  io.stdout.write(
    `${file}: ${result.kind === "unknown" ? "kind unknown" : result.kind}${against}: ${
      issues.length === 0 ? "ok" : `${plural(errors, "error")}, ${plural(warnings, "warning")}`
    }\n`,
  );
  return errors > 0 ? EXIT.badInput : EXIT.ok;
}

const FILE_KINDS: readonly string[] = ["observations", "scenario", "targets", "pack"];

function isFileKind(kind: string | undefined): kind is FileKind | undefined {
  return kind === undefined || FILE_KINDS.includes(kind);
}
