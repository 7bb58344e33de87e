import { readPackJson } from "../../io/readPackJson.js";
import { formatIssue } from "../../schemas/issue.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { CliIo } from "../cliIo.js";
import { inputError, usageError } from "./cliFailure.js";
import { readUserFile } from "./userFiles.js";

/**
 * Whether a `--pack` value names a file rather than a built-in pack: it has a path separator
 * (`/` or `\`) or ends in `.json` (whatever a built-in pack is called).
 */
export function isPackPath(value: string): boolean {
  return value.includes("/") || value.includes("\\") || value.toLowerCase().endsWith(".json");
}

/**
 * The pack a command runs on. `value` is a path (see {@link isPackPath}: read relative to the
 * working folder with `readPackJson`, every problem reported with its position) or the id of one
 * of the packs on offer (`io.packs`, or the built-in ones, loaded only when a command needs
 * them); when it is omitted, the only pack on offer.
 *
 * @throws `CliFailure` (exit 2) `missing --pack (one of: …)` or `unknown pack "x" (known: …; or
 *   give a pack .json file)`; (exit 1) `pack.json: file not found`, `pack.json: is a folder, not
 *   a file` and the like for a file that cannot be read, or `pack.json is not a valid region pack
 *   (3 errors)` after the file's issues.
 */
export async function findPack(
  value: string | undefined,
  io: CliIo,
  usage: string,
): Promise<RegionPack> {
  if (value !== undefined && isPackPath(value)) return readPackFile(value, io);
  const available = await availablePacks(io);
  const known = available.map((p) => p.id).join(", ");
  if (value === undefined) {
    if (available.length === 1) return available[0] as RegionPack;
    throw usageError(`missing --pack (one of: ${known}; or a pack .json file)`, usage);
  }
  const pack = available.find((p) => p.id === value);
  if (pack === undefined)
    throw usageError(`unknown pack "${value}" (known: ${known}; or give a pack .json file)`, usage);
  return pack;
}

/**
 * A pack file, validated. Its warnings are printed on stderr, but for conflicting sources, which
 * a pack keeps on purpose (`regionsim validate` lists them).
 */
function readPackFile(path: string, io: CliIo): RegionPack {
  const read = readPackJson(readUserFile(path, io), { file: path });
  if (!read.ok) {
    const errors = read.issues.filter((i) => i.severity === "error").length;
    throw inputError(
      `${path} is not a valid region pack (${errors} error${errors === 1 ? "" : "s"})`,
      read.issues,
    );
  }
  for (const issue of read.issues)
    if (issue.code !== "conflicting-sources") io.stderr.write(`${formatIssue(issue)}\n`);
  return read.value;
}

/** The packs on offer: `io.packs`, or the built-in ones (loaded only when a command needs them). */
async function availablePacks(io: CliIo): Promise<readonly RegionPack[]> {
  if (io.packs !== undefined) return io.packs;
  const { packs } = await import("../../packs/index.js");
  return Object.values(packs);
}
