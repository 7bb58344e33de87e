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
