import { describe, expect, it } from "vitest";
import { cityClass } from "../../src/targets/cityClass.js";

describe("cityClass", () => {
  it("cityClass follows the 2014 State Council size classes (国发〔2014〕51号)", () => {
    expect(cityClass(105)).toBe("large"); // the @example
    expect(cityClass(49.99)).toBe("small");
    expect(cityClass(50)).toBe("medium");
    expect(cityClass(499)).toBe("large");
    expect(cityClass(500)).toBe("very-large");
    expect(cityClass(1000)).toBe("megacity");
    expect(() => cityClass(-1)).toThrow(
      "cityClass: population10k must be a finite number ≥ 0 (got -1)",
    );
  });
});
