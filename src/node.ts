// The part of regionsim's public API that needs Node (the file system): the `regionsim/node`
// entry. Under the `node` condition the main entry (index.node.ts) exports it as well as the
// core (index.ts).
// Named exports only; every export has TSDoc.

export {
  type FileFormat,
  type FileKind,
  type LoadedFile,
  type LoadFileOptions,
  loadFile,
  readTextFile,
  type ValidateFileOptions,
  validateFile,
} from "./io/loadFile.js";
export {
  type AssessmentFiles,
  type WriteAssessmentFilesOptions,
  writeAssessmentFiles,
} from "./io/writeAssessmentFiles.js";
