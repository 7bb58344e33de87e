// The report options and output shared by the commands that write reports (report, compare).

import { extname } from "node:path";
import { isIsoDate } from "../../internal/isoDate.js";
import { nearestIds, normalizeName } from "../../internal/nameMatch.js";
import type { ReportFormatDefinition } from "../../report/reportFormatDefinition.js";
import {
  REPORT_FORMAT_IDS,
  REPORT_FORMATS,
  type ReportFormat,
} from "../../report/reportFormats.js";
import type { CliIo } from "../cliIo.js";
import { usageError } from "./cliFailure.js";
import { writeOutputFile, writeOutputFolder } from "./outputFile.js";

/** The value of `--name`, one of `allowed`; anything else a usage error with the nearest one. */
export function oneOfOption<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  usage: string,
): T {
  const list = allowed.join(", ");
  if (value === undefined) throw usageError(`missing --${name} (${list})`, usage);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const candidates = allowed.map((id) => ({ id: id as string, keys: [normalizeName(id)] }));
  const [nearest] = nearestIds(normalizeName(value), candidates, 1);
  const hint = nearest === undefined ? "" : `; did you mean "${nearest}"?`;
  throw usageError(`--${name} must be one of ${list}${hint} (got "${value}")`, usage);
}

/** Where a report goes: the checked `--format` and `--out`, and whether `--out` is a folder. */
export interface ReportTarget {
  readonly format: ReportFormat;
  readonly out: string;
  readonly folder: boolean;
}

/**
 * Checks `--format`, `--out` (a file with the format's extension, or a folder for a format
 * written as one) and `--date` before any work is done.
 */
export function reportTarget(
  values: { readonly format?: string; readonly out?: string; readonly date?: string },
  usage: string,
): ReportTarget {
  const format = oneOfOption("format", values.format, REPORT_FORMAT_IDS, usage);
  const definition: ReportFormatDefinition<unknown> = REPORT_FORMATS[format];
  const folder = definition.output === "folder";
  const out = values.out;
  if (out === undefined || out.trim() === "")
    throw usageError(
      `missing --out (the ${folder ? "folder" : `${definition.extension} file`} to write)`,
      usage,
    );
  if (!folder && extname(out).toLowerCase() !== definition.extension)
    throw usageError(
      `--out must name a ${definition.extension} file for --format ${format} (got "${out}")`,
      usage,
    );
  if (values.date !== undefined && !isIsoDate(values.date))
    throw usageError(
      `--date must be an ISO 8601 date such as 2026-03-31 (got "${values.date}")`,
      usage,
    );
  return { format, out, folder };
}

/**
 * Writes what `renderReport` gave: the file, or for a folder format one JSON file per entry; says
 * on stderr what was written.
 */
export async function writeReport(
  target: ReportTarget,
  content: unknown,
  io: CliIo,
): Promise<void> {
  if (target.folder) {
    const files = Object.fromEntries(
      Object.entries(content as Record<string, unknown>).map(([name, spec]) => [
        name,
        `${JSON.stringify(spec, null, 2)}\n`,
      ]),
    );
    const written = await writeOutputFolder(target.out, files, io);
    io.stderr.write(`wrote ${written.length} files into ${target.out}\n`);
  } else {
    await writeOutputFile(target.out, content as string | Uint8Array, io);
    io.stderr.write(`wrote ${target.out}\n`);
  }
}
