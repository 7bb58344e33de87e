// Every relative link in the README and docs/ resolves inside the published package: the npm
// tarball carries docs/, examples/ and the Qujing data with their sources, and a user who reads
// the README from node_modules/regionsim finds every page it points to (the package has no public
// repository to link to instead).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The files `npm pack` would publish (no build, no scripts). */
function packedFiles(): Set<string> {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set((pack?.files ?? []).map((f) => f.path));
}

/** Relative link targets of a Markdown file, as paths from the package root. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => normalize(join(dirname(file), target)).replace(/\/$/, ""));
}

const pages = ["README.md", ...readdirSync(join(ROOT, "docs")).map((f) => `docs/${f}`)].filter(
  (f) => f.endsWith(".md"),
);

describe("links in the README and docs/", () => {
  const files = packedFiles();

  it("finds links to check", () => {
    expect(relativeLinks("README.md").length).toBeGreaterThan(10);
  });

  it.each(pages)("every relative link of %s resolves inside the published package", (page) => {
    expect(files.has(page)).toBe(true);
    const dead = relativeLinks(page).filter((target) => {
      if (files.has(target)) return false;
      // A folder link resolves when the package holds files under it.
      return ![...files].some((f) => f.startsWith(`${target}/`));
    });
    expect(dead).toEqual([]);
    for (const target of relativeLinks(page)) expect(existsSync(join(ROOT, target))).toBe(true);
  });
});
