import { JSON_SCHEMA_NAMES, type JsonSchemaName, jsonSchemaOf } from "../io/jsonSchemaOf.js";
import type { CliCommand } from "./cliCommand.js";
import type { CliIo } from "./cliIo.js";
import { EXIT } from "./exitCodes.js";
import { usageError } from "./internal/cliFailure.js";
import { parseOptions } from "./internal/parseOptions.js";
import { printUsage } from "./internal/printUsage.js";

const SCHEMA_USAGE = `Usage: regionsim schema <${JSON_SCHEMA_NAMES.join("|")}>

Prints the JSON Schema (draft 2020-12) of a document: the input form for observations, targets
and scenario (fields with defaults are optional), the output of assess --json for assessment.

Options:
  -h, --help      show this help`;

/** `regionsim schema`: prints the JSON Schema of a document regionsim reads or writes (see `jsonSchemaOf`). */
export const schemaCommand: CliCommand = {
  name: "schema",
  summary: "print the JSON Schema of a file regionsim reads or writes",
  usage: SCHEMA_USAGE,
  run: schema,
};

async function schema(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { help: { type: "boolean", short: "h" } },
    SCHEMA_USAGE,
  );
  if (values.help === true) return printUsage(SCHEMA_USAGE, io);
  const [name, ...extra] = positionals;
  if (name === undefined) throw usageError("missing the document name", SCHEMA_USAGE);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`, SCHEMA_USAGE);
  if (!isJsonSchemaName(name))
    throw usageError(
      `unknown document "${name}" (expected ${JSON_SCHEMA_NAMES.join(", ")})`,
      SCHEMA_USAGE,
    );
  io.stdout.write(`${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
  return EXIT.ok;
}

function isJsonSchemaName(name: string): name is JsonSchemaName {
  return (JSON_SCHEMA_NAMES as readonly string[]).includes(name);
}
