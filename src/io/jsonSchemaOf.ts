import * as z from "zod";
import { checkString } from "../internal/checkArgs.js";
import { ArgumentRangeError } from "../internal/errors.js";
import { AssessmentSchema } from "../schemas/assessment.js";
import { ObservationSchema } from "../schemas/observation.js";
import { ScenarioSchema } from "../schemas/scenario.js";
import { TargetSchema, TargetsFileSchema } from "../schemas/target.js";

/** The documents {@link jsonSchemaOf} describes. */
export const JSON_SCHEMA_NAMES = ["observations", "targets", "scenario", "assessment"] as const;
/** A document {@link jsonSchemaOf} describes: `"observations"`, `"targets"`, `"scenario"`, `"assessment"`. */
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

const DESCRIPTIONS: Readonly<Record<JsonSchemaName, { title: string; description: string }>> = {
  observations: {
    title: "regionsim observations",
    description:
      "Observations of indicators for places or groups: an array of observations, or an object " +
      "with an `observations` array. This is the canonical form (ids, English keys); the readers " +
      "also accept Chinese keys and place or indicator names.",
  },
  targets: {
    title: "regionsim targets",
    description:
      "Quantified plan targets with their provenance: an array of targets, or an object with a " +
      "`targets` array. Rates are in the target's unit (e.g. % a year for `growth`).",
  },
  scenario: {
    title: "regionsim scenario",
    description:
      "A named set of assumptions (models, overrides, shocks, uncertainty), possibly extending a " +
      "named scenario of the pack. Omitted lists default to empty; rates are fractions a year.",
  },
  assessment: {
    title: "regionsim assessment",
    description:
      "The assessment of every target of a pack under one scenario, as printed by " +
      "`regionsim assess --json`. Growth, progress and probability are fractions.",
  },
};

function schemaFor(name: JsonSchemaName): { schema: z.ZodType; io: "input" | "output" } {
  switch (name) {
    case "observations":
      return {
        schema: z.union([
          z.array(ObservationSchema),
          z.object({ observations: z.array(ObservationSchema) }),
        ]),
        io: "input",
      };
    case "targets":
      return {
        schema: z.union([z.array(TargetSchema), TargetsFileSchema]),
        io: "input",
      };
    case "scenario":
      return { schema: ScenarioSchema, io: "input" };
    case "assessment":
      return { schema: AssessmentSchema, io: "output" };
  }
}

/**
 * The JSON Schema (draft 2020-12) of a document regionsim reads or writes, generated from its zod
 * schema with `z.toJSONSchema`. Input documents (`observations`, `targets`, `scenario`) use the
 * schema's input form, so fields with defaults are optional; `assessment` uses the output form,
 * which every field of `regionsim assess --json` has. Refinements that JSON Schema cannot state
 * (e.g. a shock's `to` not before its `from`) are checked by the readers only.
 *
 * @param name - one of {@link JSON_SCHEMA_NAMES}.
 * @returns a plain JSON object with `$schema`, `title` and `description`.
 * @throws {ArgumentRangeError} `jsonSchemaOf: unknown document "x" (expected observations,
 *   targets, scenario or assessment)`.
 * @throws {ArgumentTypeError} `jsonSchemaOf: name must be "observations", "targets", "scenario"
 *   or "assessment" (got nothing)`.
 * @example
 * jsonSchemaOf("scenario").required; // ["id", "nameEn", "description"]
 */
export function jsonSchemaOf(name: JsonSchemaName): Record<string, unknown> {
  checkString("jsonSchemaOf", "name", name, {
    expected: '"observations", "targets", "scenario" or "assessment"',
  });
  if (!(JSON_SCHEMA_NAMES as readonly string[]).includes(name))
    throw new ArgumentRangeError(
      `jsonSchemaOf: unknown document "${name}" ` +
        "(expected observations, targets, scenario or assessment)",
      { code: "unknown-id", path: "name" },
    );
  const { schema, io } = schemaFor(name);
  const { $schema, ...rest } = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
  return { $schema, ...DESCRIPTIONS[name], ...rest };
}
