// The public API of regionsim. Named exports only; every export has TSDoc.
export * from "./schemas/issue.js";
export * from "./schemas/place.js";
export * from "./schemas/indicator.js";
export * from "./schemas/observation.js";
export * from "./schemas/dataset.js";
export * from "./schemas/target.js";
export * from "./schemas/scenario.js";
export * from "./schemas/assessment.js";
export * from "./schemas/regionPack.js";
export type * from "./models/types.js";
export { ModelSpecSchema, type ModelSpec } from "./models/modelRegistry.js";
export { fitModel } from "./models/fitModel.js";
export { projectModel, type ProjectOptions } from "./models/projectModel.js";
export { NaiveSpecSchema, type NaiveSpec } from "./models/naiveModel.js";
export { DriftSpecSchema, type DriftSpec } from "./models/driftModel.js";
export { TrendSpecSchema, type TrendSpec } from "./models/trendModel.js";
export { HoltSpecSchema, type HoltSpec } from "./models/holtModel.js";
export { ThetaSpecSchema, type ThetaSpec } from "./models/thetaModel.js";
export { LogisticSpecSchema, type LogisticSpec } from "./models/logisticModel.js";
export { UrgdSpecSchema, type UrgdSpec } from "./models/urgdModel.js";
export { AutoSpecSchema, type AutoSpec } from "./models/autoModel.js";
export { cagr } from "./models/cagr.js";
export { requiredGrowth } from "./models/requiredGrowth.js";
export { crossingYear, type CrossingOptions } from "./models/crossingYear.js";
export {
  backtest,
  DEFAULT_VERDICT,
  type BacktestFailure,
  type BacktestForecast,
  type BacktestMetrics,
  type BacktestModelResult,
  type BacktestOptions,
  type BacktestResult,
  type BacktestSeries,
  type BacktestSpec,
  type NamedCount,
  type VerdictCount,
  type VerdictTargets,
} from "./models/backtest.js";
export { resolveScenario } from "./scenarios/resolveScenario.js";
export { selectModel, type SelectedModel } from "./scenarios/selectModel.js";
export { defaultModel } from "./scenarios/defaultModel.js";
export {
  projectScenario,
  seriesValue,
  INTERVAL_LEVEL,
  type ObservedPoint,
  type ProjectionModelInfo,
  type ReferenceProjection,
  type ScenarioProjection,
  type ScopeSeries,
} from "./scenarios/projectScenario.js";
export {
  assessPack,
  assessTargets,
  collectReadiness,
  mergeObservations,
  targetContext,
  type AssessOptions,
} from "./scenarios/assessPack.js";
export { evaluateTarget } from "./targets/evaluateTarget.js";
export type { TargetContext, TargetEvaluation } from "./targets/targetContext.js";
export { classifyStatus, STATUS_THRESHOLDS } from "./targets/classifyStatus.js";
export { cityClass, classAtLeast, CITY_CLASS_LOWER_BOUND_10K } from "./targets/cityClass.js";
export { resolveName, type NameKind } from "./io/resolveName.js";
export { readObservationsCsv, type ReadObservationsOptions } from "./io/readObservationsCsv.js";
export { readObservationsJson } from "./io/readObservationsJson.js";
export { readScenarioJson, type ReadJsonOptions } from "./io/readScenarioJson.js";
export { readTargetsJson } from "./io/readTargetsJson.js";
export {
  readTextFile,
  validateFile,
  type FileKind,
  type ValidateFileOptions,
} from "./io/loadFile.js";
export {
  readPrefecturePanel,
  type PanelRow,
  type ReadPrefecturePanelOptions,
} from "./io/readPrefecturePanel.js";
export {
  isPrefectureLevelCity,
  prefectureCityRanks,
  type PrefectureCityRank,
  type PrefectureCityRanks,
  type PrefectureCityRanksOptions,
  type PrefectureGdpRow,
} from "./models/prefectureCityRanks.js";
export { getPack, packs } from "./scenarios/packs/index.js";
export { qujingPack } from "./scenarios/packs/qujing/qujingPack.js";
export { qujingGdpRankHistory } from "./scenarios/packs/qujing/qujingGdpRankHistory.js";
export {
  formatAssessmentText,
  type FormatAssessmentTextOptions,
} from "./io/formatAssessmentText.js";
export {
  formatAssessmentMarkdown,
  type FormatAssessmentMarkdownOptions,
} from "./io/formatAssessmentMarkdown.js";
export {
  ASSESSMENT_CSV_COLUMNS,
  formatAssessmentCsv,
  type FormatAssessmentCsvOptions,
} from "./io/formatAssessmentCsv.js";
export {
  writeAssessmentFiles,
  type AssessmentFiles,
  type WriteAssessmentFilesOptions,
} from "./io/writeAssessmentFiles.js";
export { JSON_SCHEMA_NAMES, jsonSchemaOf, type JsonSchemaName } from "./io/jsonSchemaOf.js";
export {
  SimulationPlanSchema,
  SimulationIndicatorSchema,
  SimulationGroupSchema,
  SimulationSeriesRefSchema,
  SimulationMeasureSchema,
  SimulationConditionSchema,
  SimulationTargetSchema,
  type SimulationPlan,
  type SimulationIndicator,
  type SimulationGroup,
  type SimulationSeriesRef,
  type SimulationMeasure,
  type SimulationCondition,
  type SimulationTarget,
} from "./models/simulationPlan.js";
export type * from "./models/simulationResult.js";
export {
  simulate,
  MAX_SIMULATION_PATHS,
  MAX_SAMPLE_PATHS,
  SIMULATION_BLOCK_SIZE,
  type SimulateOptions,
  type SimulationProgress,
} from "./models/simulate.js";
export { mergeSimulationResults } from "./models/mergeSimulationResults.js";
export { disparity, type DisparityMeasures } from "./models/disparity.js";
export { assessDisparity } from "./scenarios/assessDisparity.js";
