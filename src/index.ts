// The browser-safe core of regionsim's public API: what the package's main entry gives under the
// `browser` condition (and wherever the runtime is not Node). Nothing it reaches imports a Node
// built-in (test/layout/browserBundle.test.ts bundles it for browsers); what needs Node is in
// node.ts, which index.node.ts adds for Node. Named exports only; every export has TSDoc.

import { buildTargetContext } from "./assessment/buildTargetContext.js";

export { backtest } from "./analysis/backtest.js";
export {
  type BacktestOptions,
  type BacktestSeries,
  type BacktestSpec,
  DEFAULT_VERDICT,
  type VerdictTargets,
} from "./analysis/backtestOptions.js";
export type {
  BacktestFailure,
  BacktestForecast,
  BacktestMetrics,
  BacktestModelResult,
  BacktestResult,
  NamedCount,
  VerdictCount,
} from "./analysis/backtestResult.js";
export {
  type BetaConvergence,
  type BetaPlace,
  betaConvergence,
  type RegressionCoefficient,
} from "./analysis/betaConvergence.js";
export {
  type CompareOptions,
  type ComparisonCell,
  type ComparisonRow,
  compareScenarios,
  type ScenarioComparison,
} from "./analysis/compareScenarios.js";
export { convergence } from "./analysis/convergence.js";
export type { ConvergenceControl, ConvergenceOptions } from "./analysis/convergenceOptions.js";
export type { BetaResults, Convergence, ConvergenceWindow } from "./analysis/convergenceResult.js";
export {
  type GapContributionPlace,
  type GapContributions,
  type GapContributionsResult,
  type GapContributionsUnavailable,
  gapContributions,
} from "./analysis/gapContributions.js";

export {
  type MorrisEffect,
  type MorrisOptions,
  type MorrisResult,
  morrisScreening,
} from "./analysis/morrisScreening.js";
export {
  type OneAtATimeEffect,
  type OneAtATimeOptions,
  type OneAtATimePoint,
  type OneAtATimeResult,
  oneAtATime,
} from "./analysis/oneAtATime.js";
export {
  type PackSensitivityOptions,
  type PackSensitivityParameter,
  type PackSensitivityResult,
  packSensitivity,
} from "./analysis/packSensitivity.js";
export {
  isPrefectureCityByCategory,
  isPrefectureLevelCity,
  type PrefectureCityRank,
  type PrefectureCityRanks,
  type PrefectureCityRanksOptions,
  type PrefectureGdpRow,
  prefectureCityRanks,
} from "./analysis/prefectureCityRanks.js";
export type {
  ParameterValues,
  SensitivityFunction,
  SensitivityParameter,
} from "./analysis/sensitivityParameter.js";
export {
  type SigmaChartPoint,
  type SigmaChartValues,
  sigmaChartValues,
} from "./analysis/sigmaChartValues.js";
export {
  REST_GROUP,
  type SigmaConvergence,
  type SigmaConvergenceOptions,
  type SigmaMeasures,
  type SigmaRow,
  type SigmaSegment,
  type SigmaTrend,
  type SlopeEstimate,
  sigmaConvergence,
} from "./analysis/sigmaConvergence.js";
export {
  SOBOL_MAX_PARAMETERS,
  type SobolIndex,
  type SobolOptions,
  type SobolResult,
  sobolIndices,
} from "./analysis/sobolIndices.js";
export {
  type FiveYearGrowth,
  SOLVE_RULES,
  type SolveCheck,
  type SolvedGrowth,
  type SolvePlausibility,
  type SolveRule,
  type SolveTargetOptions,
  type TargetSolution,
} from "./analysis/solveResult.js";
export { solveTarget } from "./analysis/solveTarget.js";
export {
  type TheilDecomposition,
  type TheilGroup,
  theilDecomposition,
} from "./analysis/theilDecomposition.js";
export { assessDisparity, type DisparityOptions } from "./assessment/assessDisparity.js";
export { type AssessOptions, assessPack } from "./assessment/assessPack.js";
export { assessTargets } from "./assessment/assessTargets.js";
export { buildTargetContext } from "./assessment/buildTargetContext.js";
export { collectReadiness } from "./assessment/collectReadiness.js";
export { type DisparityMeasures, disparity } from "./assessment/disparity.js";
export { mergeObservations } from "./assessment/mergeObservations.js";
export { type PreparedPack, preparePack } from "./assessment/preparePack.js";
export { cagr } from "./growth/cagr.js";
export { type ChainedLevels, chainIndex, type PreviousYearIndex } from "./growth/chainIndex.js";
export { type CrossingOptions, crossingYear } from "./growth/crossingYear.js";
export { requiredGrowth } from "./growth/requiredGrowth.js";
export { shareGrowthDifferential } from "./growth/shareGrowthDifferential.js";
export {
  type ArgumentErrorDetails,
  type ArgumentIssue,
  ArgumentRangeError,
  type ArgumentRangeErrorCode,
  ArgumentTypeError,
  type ArgumentTypeErrorCode,
} from "./internal/errors.js";
export { preloadDependencies } from "./internal/preloadDependencies.js";
export { buildTemplateWorkbook } from "./io/buildTemplateWorkbook.js";
export { JSON_SCHEMA_NAMES, type JsonSchemaName, jsonSchemaOf } from "./io/jsonSchemaOf.js";
export {
  type PlanTemplateOptions,
  planTemplate,
  type TemplatePlan,
  type TemplateRow,
  type TemplateSheet,
  type TemplateTarget,
} from "./io/planTemplate.js";
export { type CityPanelRow, readCityPanel } from "./io/readCityPanel.js";
export {
  type CountyPanelRow,
  type ReadPanelOptions,
  readCountyPanel,
} from "./io/readCountyPanel.js";
export { type ReadObservationsOptions, readObservationsCsv } from "./io/readObservationsCsv.js";
export { readObservationsJson } from "./io/readObservationsJson.js";
export { type ReadTableOptions, readObservationsTable } from "./io/readObservationsTable.js";
export { readPackJson } from "./io/readPackJson.js";
export {
  type PanelRow,
  type ReadPrefecturePanelOptions,
  readPrefecturePanel,
} from "./io/readPrefecturePanel.js";
export {
  type ReadJsonOptions,
  type ReadScenarioJsonOptions,
  readScenarioJson,
} from "./io/readScenarioJson.js";
export { readTargetsJson } from "./io/readTargetsJson.js";
export { readWorkbook } from "./io/readWorkbook.js";
export { type NameKind, resolveName } from "./io/resolveName.js";
export { YEARBOOK_INDICATOR_NAMES } from "./io/yearbookIndicatorNames.js";
export { type AutoSpec, AutoSpecSchema } from "./models/autoModel.js";
export { type CombinationSpec, CombinationSpecSchema } from "./models/combinationModel.js";
export { type DriftSpec, DriftSpecSchema } from "./models/driftModel.js";
export { fitModel } from "./models/fitModel.js";
export { type HoltSpec, HoltSpecSchema } from "./models/holtModel.js";
export { type LogisticSpec, LogisticSpecSchema } from "./models/logisticModel.js";
export { type ModelSpec, ModelSpecSchema } from "./models/modelRegistry.js";
export { type NaiveSpec, NaiveSpecSchema } from "./models/naiveModel.js";
export {
  type ComparableOptions,
  type ComparableSelection,
  comparableUnits,
  type PanelOptions,
  type PanelSummary,
  type PanelUnit,
  preparePanel,
} from "./models/preparePanel.js";
export { MAX_PROJECTION_YEARS, type ProjectOptions, projectModel } from "./models/projectModel.js";
export { type ThetaSpec, ThetaSpecSchema } from "./models/thetaModel.js";
export { type TrendSpec, TrendSpecSchema } from "./models/trendModel.js";
export type * from "./models/types.js";
export { type UrgdSpec, UrgdSpecSchema } from "./models/urgdModel.js";
export {
  type BuildPackFromPanelOptions,
  buildPackFromPanel,
} from "./packs/buildPackFromPanel.js";
export { getPack, packs } from "./packs/index.js";
export { qujingGdpRankHistory } from "./packs/qujing/qujingGdpRankHistory.js";
export { qujingPack } from "./packs/qujing/qujingPack.js";
export { STANDARD_INDICATORS } from "./packs/standardIndicators.js";
export {
  ASSESSMENT_CSV_COLUMNS,
  type FormatAssessmentCsvOptions,
  formatAssessmentCsv,
  PLACE_TABLE_CSV_COLUMNS,
} from "./report/formatAssessmentCsv.js";
export {
  type FormatAssessmentMarkdownOptions,
  formatAssessmentMarkdown,
} from "./report/formatAssessmentMarkdown.js";
export {
  type FormatAssessmentTextOptions,
  formatAssessmentText,
} from "./report/formatAssessmentText.js";
export { type HtmlReportOptions, renderHtmlReport } from "./report/renderHtmlReport.js";
export { type RenderReportOptions, renderReport } from "./report/renderReport.js";
export { renderVegaLiteSvg } from "./report/renderVegaLiteSvg.js";
export {
  buildReportDocument,
  type ReportCell,
  type ReportColumn,
  type ReportColumnKind,
  type ReportDataNeed,
  type ReportDisparityBreak,
  type ReportDisparityGap,
  type ReportDocument,
  type ReportDocumentOptions,
  type ReportField,
  type ReportHeader,
  type ReportIssue,
  type ReportLegend,
  type ReportNotes,
  type ReportPlaceTable,
  type ReportReadiness,
  type ReportRow,
  type ReportRows,
  type ReportScenario,
  type ReportSharedNote,
  type ReportShareGap,
  type ReportSource,
  type ReportStatusCount,
  type ReportTable,
  type ReportValue,
  type ReportValueKind,
} from "./report/reportDocument.js";
export {
  REPORT_LAYOUTS,
  type ReportFormatDefinition,
  type ReportFormatInput,
  type ReportLayout,
  type ReportRunRecord,
  type ReportRunScenario,
} from "./report/reportFormatDefinition.js";
export {
  REPORT_FORMAT_IDS,
  type ReportFormat,
  type ReportOutput,
} from "./report/reportFormats.js";
export { sensitivityChartSpec } from "./report/sensitivityChartSpec.js";
export {
  VEGA_LITE_SCHEMA,
  type VegaLiteDatum,
  type VegaLiteSpec,
} from "./report/vegaLiteSpec.js";
export { type ChartOptions, vegaLiteSpecs } from "./report/vegaLiteSpecs.js";
export { defaultModel } from "./scenarios/defaultModel.js";
export { type DerivedPriceSeries, derivePriceSeries } from "./scenarios/derivePriceSeries.js";
export {
  type EstimateShockOptions,
  estimateShockParameters,
  type ShockParameters,
  type ShockSeries,
} from "./scenarios/estimateShockParameters.js";
export {
  estimateUncertainty,
  FALLBACK_SHOCKS,
  type IndicatorUncertainty,
  MIN_STEPS_FOR_PHI,
  MIN_STEPS_FOR_SIGMA,
  type SeriesUncertainty,
  type UncertaintyEstimate,
} from "./scenarios/estimateUncertainty.js";
export {
  INTERVAL_LEVEL,
  projectScenario,
  type ReferenceProjection,
  type ScenarioProjection,
} from "./scenarios/projectScenario.js";
export { resolveScenario } from "./scenarios/resolveScenario.js";
export {
  type ObservedPoint,
  type ProjectionModelInfo,
  type ScopeSeries,
  seriesValue,
} from "./scenarios/scopeSeries.js";
export { type SelectedModel, selectModel } from "./scenarios/selectModel.js";
export * from "./schemas/assessment.js";
export { checkPack } from "./schemas/checkPack.js";
export * from "./schemas/dataset.js";
export * from "./schemas/datasetPanel.js";
export * from "./schemas/indicator.js";
export * from "./schemas/issue.js";
export * from "./schemas/observation.js";
export * from "./schemas/place.js";
export { priceCompanionId } from "./schemas/priceCompanionId.js";
export * from "./schemas/regionPack.js";
export * from "./schemas/scenario.js";
export {
  newerSchemaVersionMessage,
  SCHEMA_VERSION,
  SchemaVersionSchema,
} from "./schemas/schemaVersion.js";
export * from "./schemas/target.js";
export { convertUnit, type UnitQuantity, unitsCompatible } from "./schemas/units.js";
export { type ValidatedPack, validatePack } from "./schemas/validatePack.js";
export { closeSimulationPool } from "./simulation/closeSimulationPool.js";
export { mergeSimulationResults } from "./simulation/mergeSimulationResults.js";
export {
  type CompiledScenarioSimulation,
  compileSimulationPlan,
  type PlannedSimulation,
  planSimulation,
} from "./simulation/planSimulation.js";
export {
  MAX_SAMPLE_PATHS,
  MAX_SIMULATION_PATHS,
  SIMULATION_BLOCK_SIZE,
  type SimulateOptions,
  type SimulationProgress,
  simulate,
} from "./simulation/simulate.js";
export {
  type SimulatedPack,
  type SimulatePackOptions,
  simulateAssessment,
  simulatePack,
} from "./simulation/simulatePack.js";
export {
  type SimulationGroup,
  SimulationGroupSchema,
  type SimulationIndicator,
  SimulationIndicatorSchema,
  type SimulationPlan,
  SimulationPlanSchema,
} from "./simulation/simulationPlan.js";
export type * from "./simulation/simulationResult.js";
export { CITY_CLASS_LOWER_BOUND_10K, cityClass, classAtLeast } from "./targets/cityClass.js";
export { classifyStatus, STATUS_THRESHOLDS } from "./targets/classifyStatus.js";
export { evaluateTarget } from "./targets/evaluateTarget.js";
export {
  type SimulationCondition,
  SimulationConditionSchema,
  type SimulationMeasure,
  SimulationMeasureSchema,
  type SimulationSeriesRef,
  SimulationSeriesRefSchema,
  type SimulationTarget,
  SimulationTargetSchema,
} from "./targets/simulatedCondition.js";
export type { TargetContext, TargetEvaluation } from "./targets/targetContext.js";

// Renamed exports, kept under their old names until 1.0.

/** @deprecated Renamed to buildTargetContext; this name will be removed in 1.0. */
export const targetContext = buildTargetContext;
