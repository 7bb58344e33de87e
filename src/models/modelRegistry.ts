import { z } from "zod";
import { AutoSpecSchema, autoModel } from "./autoModel.js";
import { CagrSpecSchema, cagrModel } from "./cagrModel.js";
import { DriftSpecSchema, driftModel } from "./driftModel.js";
import { HoltSpecSchema, holtModel } from "./holtModel.js";
import { LogisticSpecSchema, logisticModel } from "./logisticModel.js";
import { NaiveSpecSchema, naiveModel } from "./naiveModel.js";
import { PathSpecSchema, pathModel } from "./pathModel.js";
import { ThetaSpecSchema, thetaModel } from "./thetaModel.js";
import { TrendSpecSchema, trendModel } from "./trendModel.js";
import type { ModelDefinition } from "./types.js";
import { UrgdSpecSchema, urgdModel } from "./urgdModel.js";

type AnyDefinition = ModelDefinition<{ readonly kind: string }>;

/**
 * Every model kind the library knows, by kind. To add a model: write its module (spec schema and
 * a {@link ModelDefinition}) and add it here and to {@link ModelSpecSchema}.
 */
export const modelRegistry: Readonly<Record<string, AnyDefinition>> = {
  cagr: cagrModel as unknown as AnyDefinition,
  path: pathModel as unknown as AnyDefinition,
  naive: naiveModel as unknown as AnyDefinition,
  drift: driftModel as unknown as AnyDefinition,
  trend: trendModel as unknown as AnyDefinition,
  holt: holtModel as unknown as AnyDefinition,
  theta: thetaModel as unknown as AnyDefinition,
  logistic: logisticModel as unknown as AnyDefinition,
  urgd: urgdModel as unknown as AnyDefinition,
  auto: autoModel as unknown as AnyDefinition,
};

/** Schema of every model spec (a union discriminated by `kind`). */
export const ModelSpecSchema = z.discriminatedUnion("kind", [
  CagrSpecSchema,
  PathSpecSchema,
  NaiveSpecSchema,
  DriftSpecSchema,
  TrendSpecSchema,
  HoltSpecSchema,
  ThetaSpecSchema,
  LogisticSpecSchema,
  UrgdSpecSchema,
  AutoSpecSchema,
]);
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
