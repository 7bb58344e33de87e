import type { ReportRows } from "../../report/reportDocument.js";
import { usageError } from "./cliFailure.js";

/** The rows `--only` keeps: `all` (also when not given) or `judged`. */
export function onlyOption(value: string | undefined, usage: string): ReportRows {
  if (value === undefined || value === "all" || value === "judged") return value ?? "all";
  const hint = value.toLowerCase().startsWith("j") ? '; did you mean "judged"?' : "";
  throw usageError(`--only must be all or judged${hint} (got "${value}")`, usage);
}
