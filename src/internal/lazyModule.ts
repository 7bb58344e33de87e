/// <reference path="./mlRegression.d.ts" />
// Dependencies that synchronous functions load on first use: mathjs's expression parser (the
// formula language of derived indicators, checked and compiled by validatePack, projectScenario
// and assessPack) and ml-regression (the regressions of the convergence analysis). They are large
// and most uses never touch them, so the core does not import them eagerly.
//
// Each is loaded once, by whichever way comes first:
// - asynchronously, with a dynamic `import()` of the package (a bundler puts it in a chunk of its
//   own, fetched only then): `preloadDependencies` does this, and must in a browser;
// - synchronously, in Node (and Deno, Bun), with a `require` made by `createRequire` from this
//   module's URL. `node:module` is reached through `process.getBuiltinModule` at that moment, not
//   imported, so that a bundle for browsers holds no import of a Node built-in.

/** A feature that needs a dependency loaded on first use. */
export type LazyFeature = "formulas" | "regressions";

/** The package name of a dependency loaded on first use. */
export type LazyModuleId = "mathjs/number" | "ml-regression";

/**
 * The dependencies loaded on first use, each with the feature that needs it and its dynamic
 * import (a literal specifier, so that bundlers put the package in a chunk of its own).
 */
export const LAZY_MODULES: Readonly<
  Record<LazyModuleId, { readonly feature: LazyFeature; readonly load: () => Promise<unknown> }>
> = {
  "mathjs/number": { feature: "formulas", load: () => import("mathjs/number") },
  "ml-regression": { feature: "regressions", load: () => import("ml-regression") },
};

const loaded = new Map<LazyModuleId, unknown>();
const loading = new Map<LazyModuleId, Promise<unknown>>();

interface NodeProcess {
  readonly getBuiltinModule?: (id: string) => unknown;
}

/** Node's `require`, made from this module's URL, where the runtime offers one; else undefined. */
function nodeRequire(): ((id: string) => unknown) | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  const moduleApi = proc?.getBuiltinModule?.("node:module") as
    | { createRequire?: (from: string) => (id: string) => unknown }
    | undefined;
  if (typeof moduleApi?.createRequire !== "function") return undefined;
  // Resolved from this module's URL (the CommonJS build gets it from tsup's shim), not with a
  // bare `require`, which a bundler's ES module output replaces by a stub that throws.
  return moduleApi.createRequire(import.meta.url);
}

/** A module namespace or CommonJS exports, with an ES module's `default` unwrapped when needed. */
function exportsOf(module: unknown, name: string): unknown {
  const m = module as Record<string, unknown>;
  if (m[name] !== undefined) return m;
  return (m.default as Record<string, unknown> | undefined) ?? m;
}

/**
 * The dependency `id`, loaded now if it is not yet: by Node's `require` where the runtime has one,
 * otherwise it must have been loaded by {@link loadLazyModule} (see `preloadDependencies`).
 * `name` is an export it must have (to unwrap an ES module's `default`); `caller` names the
 * public function in the error.
 *
 * @throws {Error} in a runtime without `require` when the dependency was not loaded first
 *   (`<caller>: formulas need mathjs/number, which loads asynchronously here: await
 *   preloadDependencies(["formulas"]) once before`); Node's error when the package is missing.
 */
export function requireLazyModule(id: LazyModuleId, name: string, caller: string): unknown {
  if (loaded.has(id)) return loaded.get(id);
  const require = nodeRequire();
  if (require === undefined) {
    const feature = LAZY_MODULES[id].feature;
    throw new Error(
      `${caller}: ${feature} need ${id}, which loads asynchronously here (no synchronous require ` +
        `outside Node): await preloadDependencies(["${feature}"]) once before`,
    );
  }
  const value = exportsOf(require(id), name);
  loaded.set(id, value);
  return value;
}

/** Loads the dependency `id` with a dynamic `import()` (once), so that synchronous use finds it. */
export function loadLazyModule(id: LazyModuleId, name: string): Promise<unknown> {
  if (loaded.has(id)) return Promise.resolve(loaded.get(id));
  let pending = loading.get(id);
  if (pending === undefined) {
    pending = LAZY_MODULES[id].load().then(
      (module) => {
        const value = exportsOf(module, name);
        loaded.set(id, value);
        loading.delete(id);
        return value;
      },
      (error: unknown) => {
        loading.delete(id); // the next call tries again
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/** Whether `id` is loaded (for tests). */
export function lazyModuleLoaded(id: LazyModuleId): boolean {
  return loaded.has(id);
}

/** The features, each with its dependency and the export that shows it loaded. */
export const LAZY_FEATURES: Readonly<Record<LazyFeature, { id: LazyModuleId; name: string }>> = {
  formulas: { id: "mathjs/number", name: "parse" },
  regressions: { id: "ml-regression", name: "MultivariateLinearRegression" },
};
