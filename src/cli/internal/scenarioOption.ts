import { extname } from "node:path";
import { readScenarioJson } from "../../io/readScenarioJson.js";
import { formatIssue, type Issue } from "../../schemas/issue.js";
import type { RegionPack } from "../../schemas/regionPack.js";
import type { ScenarioInput } from "../../schemas/scenario.js";
import type { CliIo } from "../cliIo.js";
import { inputError, usageError } from "./cliFailure.js";
import { readUserFile } from "./userFiles.js";

/** Prints warnings on stderr; throws with the issues when there is an error. */
export function checkIssues(issues: readonly Issue[], what: string, io: CliIo): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw inputError(
      `${what} has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was assessed`,
      issues,
    );
  }
  for (const issue of issues) io.stderr.write(`${formatIssue(issue)}\n`);
}

/**
 * The `--scenario` of a command: a named scenario of the pack, or a scenario file (which may
 * extend a named one). An unknown name is a usage error listing the pack's scenarios.
 */
export function loadScenario(
  value: string,
  pack: RegionPack,
  io: CliIo,
  usage: string,
): string | ScenarioInput {
  if (pack.scenarios.some((s) => s.id === value)) return value;
  const looksLikeFile = extname(value) !== "" || value.includes("/") || value.includes("\\");
  if (!looksLikeFile) {
    const names = pack.scenarios.map((s) => s.id).join(", ");
    throw usageError(
      `unknown scenario "${value}" (pack ${pack.id} has: ${names}; or give a scenario .json file)`,
      usage,
    );
  }
  const text = readUserFile(value, io);
  // The whole dataset (a toYear before the data is an error) and the pack's reference ids.
  const read = readScenarioJson(text, pack.dataset, {
    file: value,
    references: pack.references.map((r) => r.id),
  });
  checkIssues(read.issues, value, io);
  if (!read.ok) throw inputError(`${value} is not a valid scenario`);
  const scenario = read.value;
  const known = new Set(pack.scenarios.map((s) => s.id));
  if (scenario.extends !== undefined && !known.has(scenario.extends)) {
    throw inputError(
      `${value}: extends: unknown scenario "${scenario.extends}" (pack ${pack.id} has: ${[...known].join(", ")})`,
    );
  }
  return scenario;
}
