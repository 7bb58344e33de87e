// The readers' name for the zod issue translation, which lives beside the schemas so that pack
// validation (schemas/validatePack) shares it.
export { zodIssues } from "../../schemas/zodIssues.js";
