import * as z from "zod";
import type { Issue } from "./issue.js";

/**
 * The version of the JSON documents this version of regionsim reads and writes (scenario,
 * targets file, region pack, assessment), as `"major.minor"`. A reader accepts a document
 * without a version (written before versions were kept) as this one, and any version of the
 * same major; a newer major is refused, since its meaning may have changed.
 *
 * @example
 * SCHEMA_VERSION; // "1.0"
 */
export const SCHEMA_VERSION = "1.0";

const CURRENT_MAJOR = Number(SCHEMA_VERSION.split(".")[0]);

/**
 * The message for a document of a newer major version than this regionsim reads.
 *
 * @example
 * newerSchemaVersionMessage("2.0"); // 'schemaVersion "2.0" is newer than this version of regionsim reads (1.x); upgrade regionsim'
 */
export function newerSchemaVersionMessage(version: string): string {
  return (
    `schemaVersion ${JSON.stringify(version)} is newer than this version of regionsim reads ` +
    `(${CURRENT_MAJOR}.x); upgrade regionsim`
  );
}

/**
 * The issue of a document (a parsed JSON object) whose `schemaVersion` is of a newer major
 * version than this regionsim reads, or `undefined`. Readers report it alone: the rest of such
 * a document may mean something else.
 */
export function newerSchemaVersionIssue(document: unknown): Issue | undefined {
  if (typeof document !== "object" || document === null) return undefined;
  const version = (document as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== "string" || !/^\d+\.\d+$/.test(version)) return undefined;
  if (!(Number(version.split(".")[0]) > CURRENT_MAJOR)) return undefined;
  return {
    severity: "error",
    code: "newer-schema-version",
    message: newerSchemaVersionMessage(version),
    field: "schemaVersion",
  };
}

/**
 * A document's `schemaVersion`: `"major.minor"` (e.g. `"1.0"`), of a major version no newer than
 * {@link SCHEMA_VERSION}'s. A newer major is a custom issue with `params.code`
 * `"newer-schema-version"` and the message of {@link newerSchemaVersionMessage}.
 */
export const SchemaVersionSchema = z
  .string()
  .regex(/^\d+\.\d+$/, 'a version "major.minor", such as "1.0"')
  .superRefine((version, ctx) => {
    const major = Number(version.split(".")[0]);
    if (!(major > CURRENT_MAJOR)) return;
    ctx.addIssue({
      code: "custom",
      input: version,
      message: newerSchemaVersionMessage(version),
      params: { code: "newer-schema-version" },
    });
  });
