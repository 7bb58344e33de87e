// The public API of regionsim. Named exports only; every export has TSDoc.

export {
  type FileKind,
  readTextFile,
  type ValidateFileOptions,
  validateFile,
} from "./io/loadFile.js";
export { type ReadObservationsOptions, readObservationsCsv } from "./io/readObservationsCsv.js";
export { readObservationsJson } from "./io/readObservationsJson.js";
export { type ReadJsonOptions, readScenarioJson } from "./io/readScenarioJson.js";
export { readTargetsJson } from "./io/readTargetsJson.js";
export { type NameKind, resolveName } from "./io/resolveName.js";
export {
  type BacktestFailure,
  type BacktestForecast,
  type BacktestMetrics,
  type BacktestModelResult,
  type BacktestOptions,
  type BacktestResult,
  type BacktestSeries,
  type BacktestSpec,
  backtest,
  DEFAULT_VERDICT_GROWTH,
  type NamedCount,
  type VerdictCount,
} from "./models/backtest.js";
export { cagr } from "./models/cagr.js";
export { type CrossingOptions, crossingYear } from "./models/crossingYear.js";
export { fitModel } from "./models/fitModel.js";
export { type ModelSpec, ModelSpecSchema } from "./models/modelRegistry.js";
export { type ProjectOptions, projectModel } from "./models/projectModel.js";
export { requiredGrowth } from "./models/requiredGrowth.js";
export type * from "./models/types.js";
export {
  type AssessOptions,
  assessPack,
  assessTargets,
  collectReadiness,
  mergeObservations,
  targetContext,
} from "./scenarios/assessPack.js";
export { defaultModel } from "./scenarios/defaultModel.js";
export {
  INTERVAL_LEVEL,
  type ObservedPoint,
  type ProjectionModelInfo,
  projectScenario,
  type ReferenceProjection,
  type ScenarioProjection,
  type ScopeSeries,
  seriesValue,
} from "./scenarios/projectScenario.js";
export { resolveScenario } from "./scenarios/resolveScenario.js";
export { type SelectedModel, selectModel } from "./scenarios/selectModel.js";
export * from "./schemas/assessment.js";
export * from "./schemas/dataset.js";
export * from "./schemas/indicator.js";
export * from "./schemas/issue.js";
export * from "./schemas/observation.js";
export * from "./schemas/place.js";
export * from "./schemas/regionPack.js";
export * from "./schemas/scenario.js";
export * from "./schemas/target.js";
export { CITY_CLASS_LOWER_BOUND_10K, cityClass, classAtLeast } from "./targets/cityClass.js";
export { classifyStatus, STATUS_THRESHOLDS } from "./targets/classifyStatus.js";
export { evaluateTarget } from "./targets/evaluateTarget.js";
export type { TargetContext, TargetEvaluation } from "./targets/targetContext.js";
