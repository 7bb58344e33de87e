import type { RegionPack } from "../schemas/regionPack.js";

/** Where the CLI writes, where it runs, and what it may read. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Folder that relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Environment variables; `REGIONSIM_DEBUG=1` prints stack traces of internal errors. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Aborts a running simulation (e.g. on Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Region packs to offer instead of the built-in ones (for tests and embedding). */
  readonly packs?: readonly RegionPack[];
}
