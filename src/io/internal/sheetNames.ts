// Names of worksheets. Excel refuses a sheet name longer than 31 characters, one holding
// : \ / ? * [ ], and two names that differ only in case; "History" is reserved. Ids of
// regionsim (lower-case letters, digits, '-' and '_') can only break the first and last rules.

/** The longest sheet name Excel accepts. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/**
 * A sheet name for each id, in order: the id itself where Excel accepts it, else the id with
 * forbidden characters replaced by `_`, cut to 31 characters and, when that is taken (names
 * compare without case) or reserved, ended with `~2`, `~3`, … within the 31 characters.
 *
 * @param ids - the ids, each to get its own sheet.
 * @param taken - names already used in the workbook (e.g. `README`).
 */
export function sheetNames(ids: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(["history", ...taken.map((t) => t.toLowerCase())]);
  return ids.map((id) => {
    const clean = id.replace(FORBIDDEN, "_");
    let name = clean.slice(0, MAX_SHEET_NAME_LENGTH);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = clean.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
