import { z } from "zod";
import { cagrModel, CagrSpecSchema } from "./cagrModel.js";
import { pathModel, PathSpecSchema } from "./pathModel.js";
import type { ModelDefinition } from "./types.js";

/**
 * Every model kind the library knows, by kind. To add a model: write its module (spec schema and
 * a {@link ModelDefinition}) and add it here and to {@link ModelSpecSchema}.
 */
export const modelRegistry: Readonly<Record<string, ModelDefinition<{ readonly kind: string }>>> = {
  cagr: cagrModel as unknown as ModelDefinition<{ readonly kind: string }>,
  path: pathModel as unknown as ModelDefinition<{ readonly kind: string }>,
};

/** Schema of every model spec (a union discriminated by `kind`). */
export const ModelSpecSchema = z.discriminatedUnion("kind", [CagrSpecSchema, PathSpecSchema]);
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
