// Finding the browser of the browser tests: a variable that is set decides, else the usual paths.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHROMIUM_CANDIDATES, findChromium } from "../helpers/chromium.js";

// Node's own binary stands in for an executable file that exists on every machine.
const executable = process.execPath;
const missing = join(tmpdir(), "regionsim-no-such-chromium");

describe("findChromium", () => {
  it("takes CHROMIUM_PATH when it names an executable file", () => {
    expect(findChromium({ CHROMIUM_PATH: executable })).toEqual({ found: true, path: executable });
  });

  it("takes PUPPETEER_EXECUTABLE_PATH when CHROMIUM_PATH is not set, CHROMIUM_PATH first", () => {
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: executable })).toEqual({
      found: true,
      path: executable,
    });
    expect(
      findChromium({ CHROMIUM_PATH: missing, PUPPETEER_EXECUTABLE_PATH: executable }).found,
    ).toBe(false);
  });

  it("says which variable names no executable file, rather than passing over it", () => {
    expect(findChromium({ CHROMIUM_PATH: missing })).toEqual({
      found: false,
      reason: `CHROMIUM_PATH=${missing} is not an executable file`,
    });
    // A folder is not an executable file either.
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: tmpdir() })).toEqual({
      found: false,
      reason: `PUPPETEER_EXECUTABLE_PATH=${tmpdir()} is not an executable file`,
    });
  });

  it("without a variable, looks in the usual places and names them when none is there", () => {
    const result = findChromium({});
    if (result.found) expect(CHROMIUM_CANDIDATES).toContain(result.path);
    else
      expect(result.reason).toBe(
        "no Chromium found at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome and neither CHROMIUM_PATH nor PUPPETEER_EXECUTABLE_PATH is set",
      );
  });
});
