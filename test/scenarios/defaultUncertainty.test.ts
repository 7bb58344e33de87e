import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderDefaultUncertainty, uncertaintyPaths } from "../../scripts/estimate-uncertainty.js";
import { PREFECTURE_GDP_SHOCKS } from "../../src/scenarios/defaultUncertainty.generated.js";

const root = join(import.meta.dirname, "../..");

describe("default uncertainty for levels", () => {
  it("the generated module equals what the script computes from data/ now", () => {
    const text = readFileSync(join(root, uncertaintyPaths.panel), "utf8");
    expect(readFileSync(join(root, uncertaintyPaths.module), "utf8")).toBe(
      renderDefaultUncertainty(text),
    );
  });

  it("the prefecture GDP shock parameters agree with an independent NumPy computation", () => {
    // python3 over the CSV with csv.DictReader: prefecture-level cities by code, log GDP steps
    // 2011–2018 with ≥ 6 steps, demeaned per city; median of own lag-1 autocorrelations = 0.23817,
    // median stationary sd × sqrt(1 − phi²) = 0.050907, median same-province correlation = 0.83277
    // over 1722 pairs.
    expect(PREFECTURE_GDP_SHOCKS.phi).toBeCloseTo(0.23817, 4);
    expect(PREFECTURE_GDP_SHOCKS.sigma).toBeCloseTo(0.050907, 4);
    expect(PREFECTURE_GDP_SHOCKS.rho).toBeCloseTo(0.83277, 3);
    expect(PREFECTURE_GDP_SHOCKS.pairs).toBe(1722);
  });
});
