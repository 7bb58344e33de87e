import { mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import type { CliIo } from "../cliIo.js";
import { inputError } from "./cliFailure.js";
import { absolutePath } from "./userFiles.js";

/**
 * Writes a file a command makes (`--out`): text as UTF-8, or bytes. A folder that does not
 * exist, a folder in the file's place or a file that cannot be written is bad input (exit 1)
 * with a one-line message naming the file as typed.
 */
export async function writeOutputFile(
  out: string,
  content: string | Uint8Array,
  io: CliIo,
): Promise<void> {
  const path = absolutePath(out, io);
  try {
    await writeFile(path, content);
  } catch (error) {
    // Only the file system's errors (they have a code such as EACCES) are about the file;
    // anything else is a bug and is reported as one.
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (typeof code !== "string") throw error;
    if (code === "ENOENT")
      throw inputError(`cannot write ${out}: the folder ${dirname(out)} does not exist`);
    if (code === "EISDIR") throw inputError(`cannot write ${out}: it is a folder`);
    const message = (error as Error).message;
    const shown = isAbsolute(out) ? message : message.split(path).join(relative(io.cwd, path));
    throw inputError(`cannot write ${out}: ${shown}`);
  }
}

/**
 * Writes the files of a command that makes a folder (`report --format vega-lite --out charts/`):
 * the folder is made when missing (with its parents), each entry written as a file in it (a name
 * with a `/` in a subfolder, made as needed), files
 * of the same names replaced and others left alone. A file in the folder's place is bad input
 * (exit 1), as is any file that cannot be written.
 *
 * @returns the paths written, as typed on the command line joined with each file name.
 */
export async function writeOutputFolder(
  out: string,
  files: Readonly<Record<string, string>>,
  io: CliIo,
): Promise<string[]> {
  const path = absolutePath(out, io);
  const existing = await stat(path).catch(() => null);
  if (existing !== null && !existing.isDirectory())
    throw inputError(`cannot write into ${out}: it is a file, not a folder`);
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    if (typeof code !== "string") throw error;
    throw inputError(`cannot make the folder ${out}: ${(error as Error).message}`);
  }
  const written: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const file = join(out, name);
    // A name may hold a subfolder (`trend/fan-gdp.vl.json`).
    if (dirname(name) !== ".") await mkdir(join(path, dirname(name)), { recursive: true });
    await writeOutputFile(file, content, io);
    written.push(file);
  }
  return written;
}
