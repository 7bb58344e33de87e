// The readers' name for JSON paths, which live beside the schemas so that pack validation
// (schemas/validatePack) shares them.
export { appendJsonPath, jsonPath, jsonPathAncestors } from "../../schemas/jsonPath.js";
