import type { RegionPack } from "../../schemas/regionPack.js";
import type { CliIo } from "../cliIo.js";
import { usageError } from "./cliFailure.js";

/**
 * The pack a command runs on: the one with id `id` among those on offer (`io.packs`, or the
 * built-in ones, loaded only when a command needs them), or the only one when `id` is omitted.
 *
 * @throws `CliFailure` (exit 2) `missing --pack (one of: …)` or `unknown pack "x" (known: …)`.
 */
export async function findPack(
  id: string | undefined,
  io: CliIo,
  usage: string,
): Promise<RegionPack> {
  const available = await availablePacks(io);
  const known = available.map((p) => p.id).join(", ");
  if (id === undefined) {
    if (available.length === 1) return available[0] as RegionPack;
    throw usageError(`missing --pack (one of: ${known})`, usage);
  }
  const pack = available.find((p) => p.id === id);
  if (pack === undefined) throw usageError(`unknown pack "${id}" (known: ${known})`, usage);
  return pack;
}

/** The packs on offer: `io.packs`, or the built-in ones (loaded only when a command needs them). */
async function availablePacks(io: CliIo): Promise<readonly RegionPack[]> {
  if (io.packs !== undefined) return io.packs;
  const { packs } = await import("../../packs/index.js");
  return Object.values(packs);
}
