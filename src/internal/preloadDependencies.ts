import { checkArrayOf, checkOneOf } from "./checkArgs.js";
import { LAZY_FEATURES, type LazyFeature, loadLazyModule } from "./lazyModule.js";

const FEATURES = Object.keys(LAZY_FEATURES) as LazyFeature[];

/**
 * Loads the dependencies that regionsim otherwise loads on first use, so that the synchronous
 * functions needing them work where there is no synchronous `require` (browsers, web workers):
 * `"formulas"` loads mathjs's expression parser (`mathjs/number`), which derived indicators need
 * (validatePack, projectScenario, assessPack and the simulations of a pack with a `formula`);
 * `"regressions"` loads ml-regression, which `betaConvergence`, `sigmaConvergence` and
 * `convergence` need. In Node they load by themselves when first needed, so calling this is
 * optional there (it only moves the loading time). A bundler puts each in a chunk of its own,
 * fetched only by this call (or by the first use in Node).
 *
 * @param features - which to load (default both).
 * @throws {ArgumentTypeError} `preloadDependencies: features must be a list of "formulas" or
 *   "regressions" (got the string "formulas")`.
 * @throws {ArgumentRangeError} `preloadDependencies: features[0] must be "formulas" or
 *   "regressions"; did you mean "formulas"? (got "formula")`.
 * @example
 * // In a browser, before a pack with formulas is assessed:
 * await preloadDependencies(["formulas"]);
 * assessPack(qujingPack, "trend").rows.length; // 30
 */
export async function preloadDependencies(
  features: readonly LazyFeature[] = FEATURES,
): Promise<void> {
  const fn = "preloadDependencies";
  const wanted = checkArrayOf(
    fn,
    "features",
    features,
    (path, value) => checkOneOf(fn, path, value, FEATURES),
    `a list of ${FEATURES.map((f) => JSON.stringify(f)).join(" or ")}`,
  );
  await Promise.all(
    wanted.map((feature) => {
      const { id, name } = LAZY_FEATURES[feature];
      return loadLazyModule(id, name);
    }),
  );
}
