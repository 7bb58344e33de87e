import * as z from "zod";
import { AutoSpecSchema, autoModel } from "./autoModel.js";
import { type CagrParams, CagrSpecSchema, cagrModel } from "./cagrModel.js";
import {
  type CombinationParams,
  CombinationSpecSchema,
  combinationModel,
} from "./combinationModel.js";
import { type DriftParams, DriftSpecSchema, driftModel } from "./driftModel.js";
import { type HoltParams, HoltSpecSchema, holtModel } from "./holtModel.js";
import type { LineTrendParams } from "./internal/lineTrend.js";
import { LogisticSpecSchema, logisticModel } from "./logisticModel.js";
import { type NaiveParams, NaiveSpecSchema, naiveModel } from "./naiveModel.js";
import { type PathParams, PathSpecSchema, pathModel } from "./pathModel.js";
import { type TheilSenParams, TheilSenSpecSchema, theilSenModel } from "./theilSenModel.js";
import { type ThetaParams, ThetaSpecSchema, thetaModel } from "./thetaModel.js";
import { TrendSpecSchema, trendModel } from "./trendModel.js";
import type {
  FittedModel,
  ModelDeclaration,
  ModelDefinition,
  SelectorDefinition,
} from "./types.js";
import { type UrgdParams, UrgdSpecSchema, urgdModel } from "./urgdModel.js";

/** Schema of every model spec (a union discriminated by `kind`). */
export const ModelSpecSchema = z.discriminatedUnion("kind", [
  CagrSpecSchema,
  PathSpecSchema,
  NaiveSpecSchema,
  DriftSpecSchema,
  TrendSpecSchema,
  TheilSenSpecSchema,
  HoltSpecSchema,
  ThetaSpecSchema,
  LogisticSpecSchema,
  UrgdSpecSchema,
  CombinationSpecSchema,
  AutoSpecSchema,
]);
/** A model spec of any kind, as {@link ModelSpecSchema} validates it. */
export type ModelSpec = z.infer<typeof ModelSpecSchema>;
/** Every model kind a spec may name. */
export type ModelKind = ModelSpec["kind"];
/** The spec of one model kind. */
export type SpecOf<K extends ModelKind> = Extract<ModelSpec, { readonly kind: K }>;

/**
 * The parameters each kind of fitted model carries, by kind: every kind that estimates
 * parameters of its own (`auto` is not one: its fit is the selected model's).
 */
export interface FittedParamsByKind {
  cagr: CagrParams;
  path: PathParams;
  naive: NaiveParams;
  drift: DriftParams;
  trend: LineTrendParams;
  "theil-sen": TheilSenParams;
  holt: HoltParams;
  theta: ThetaParams;
  logistic: LineTrendParams;
  urgd: UrgdParams;
  combination: CombinationParams;
}
/** Every kind a fitted model may have. */
export type FittedKind = keyof FittedParamsByKind;
/** The model kinds that select another model instead of fitting parameters (`auto`). */
export type SelectorKind = Exclude<ModelKind, FittedKind>;

/**
 * Every model kind that estimates parameters, by kind; each definition's `fit` and `forecast`
 * read and write that kind's fitted model. To add a model: write its module (spec schema, params
 * and a {@link ModelDefinition}) and add it here, to {@link FittedParamsByKind} and to
 * {@link ModelSpecSchema}.
 */
export const modelRegistry: {
  readonly [K in FittedKind]: ModelDefinition<SpecOf<K>, FittedModel<K>>;
} = {
  cagr: cagrModel,
  path: pathModel,
  naive: naiveModel,
  drift: driftModel,
  trend: trendModel,
  "theil-sen": theilSenModel,
  holt: holtModel,
  theta: thetaModel,
  logistic: logisticModel,
  urgd: urgdModel,
  combination: combinationModel,
};

/** Every model kind that selects another model for the series, by kind. */
export const selectorRegistry: { readonly [K in SelectorKind]: SelectorDefinition<SpecOf<K>> } = {
  auto: autoModel,
};

/** What every model kind declares (schema, description, minimum data, fallback), by kind. */
export const modelDeclarations: { readonly [K in ModelKind]: ModelDeclaration<SpecOf<K>> } = {
  ...modelRegistry,
  ...selectorRegistry,
};

/** Whether `kind` names a model kind of the library (a key of {@link modelDeclarations}). */
export function isModelKind(kind: string): kind is ModelKind {
  return Object.hasOwn(modelDeclarations, kind);
}

/** Whether `kind` names a kind of fitted model (a key of {@link modelRegistry}). */
export function isFittedKind(kind: string): kind is FittedKind {
  return Object.hasOwn(modelRegistry, kind);
}
