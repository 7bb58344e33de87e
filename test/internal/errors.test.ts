import { describe, expect, it } from "vitest";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

describe("the argument errors", () => {
  it("an ArgumentTypeError is a TypeError with its name, code and path", () => {
    const e = new ArgumentTypeError("f: x must be a string (got 1)", {
      code: "invalid-type",
      path: "x",
    });
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ArgumentTypeError");
    expect(String(e)).toBe("ArgumentTypeError: f: x must be a string (got 1)");
    expect(e.stack?.split("\n")[0]).toBe("ArgumentTypeError: f: x must be a string (got 1)");
    expect(e.code).toBe("invalid-type");
    expect(e.path).toBe("x");
    expect("issues" in e).toBe(false);
  });

  it("an ArgumentRangeError is a RangeError with its name, code, path and issues", () => {
    const issues = [{ code: "missing-value", message: "missing", field: "meta.places[0].id" }];
    const e = new ArgumentRangeError("f: n must be positive (got 0)", {
      code: "out-of-range",
      path: "n",
      issues,
    });
    expect(e).toBeInstanceOf(RangeError);
    expect(e).not.toBeInstanceOf(TypeError);
    expect(e.name).toBe("ArgumentRangeError");
    expect(e.code).toBe("out-of-range");
    expect(e.issues).toEqual(issues);
  });
});
