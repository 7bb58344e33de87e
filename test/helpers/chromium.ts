// Chromium for the browser tests (test/browser): finding the executable, launching it headless
// with puppeteer-core, opening a file while recording what goes wrong (console errors, page errors,
// requests that leave the file), and the describe() that runs the tests, skips them when there is
// no Chromium, or fails them when REGIONSIM_REQUIRE_BROWSER=1 (`npm run test:browser`).
import { accessSync, constants, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, it } from "vitest";

/** Environment variables naming the executable, in the order they are read. */
export const CHROMIUM_ENV = ["CHROMIUM_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const;

/** Where the executable is looked for when no variable names it (Debian, Ubuntu, Chrome). */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
] as const;

/** What to do about a missing browser, for the messages. */
export const CHROMIUM_HINT =
  "install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH";

/** Whether the browser tests must run: `REGIONSIM_REQUIRE_BROWSER=1` (`npm run test:browser`). */
export const BROWSER_REQUIRED = process.env.REGIONSIM_REQUIRE_BROWSER === "1";

/** The executable found, or why there is none. */
export type ChromiumLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly reason: string };

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to test with: the file named by `CHROMIUM_PATH` or `PUPPETEER_EXECUTABLE_PATH` (a
 * variable that is set must name an executable file: it is not silently passed over), else the
 * first of {@link CHROMIUM_CANDIDATES} that exists.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  for (const name of CHROMIUM_ENV) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    return isExecutableFile(value)
      ? { found: true, path: value }
      : { found: false, reason: `${name}=${value} is not an executable file` };
  }
  const path = CHROMIUM_CANDIDATES.find(isExecutableFile);
  return path === undefined
    ? {
        found: false,
        reason: `no Chromium found at ${CHROMIUM_CANDIDATES.join(", ")} and neither ${CHROMIUM_ENV.join(" nor ")} is set`,
      }
    : { found: true, path };
}

/**
 * Chromium, headless, without its sandbox (CI runs as root, where the sandbox refuses to start)
 * and without GPU; the pages get a fixed device scale factor of 1 so screenshots are the same size
 * on every machine.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
    defaultViewport: { width: 794, height: 1123, deviceScaleFactor: 1 },
  });
}

/** What went wrong while a page was open: console errors, uncaught errors, requests out of the file. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Every request whose URL is neither the file's own nor a `data:` URL (each was aborted). */
  readonly requestsOut: string[];
}

/**
 * Opens a file in a new page by its `file://` URL and waits for it to load, recording in
 * `problems` every console error, every uncaught error and every request other than the file
 * itself or a `data:` URL; such requests are aborted, so nothing reaches the network.
 */
export async function openFile(
  browser: Browser,
  file: string,
): Promise<{ readonly page: Page; readonly url: string; readonly problems: PageProblems }> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], requestsOut: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => {
    problems.pageErrors.push(error instanceof Error ? error.message : String(error));
  });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const target = request.url();
    if (target === url || target.startsWith("data:")) {
      void request.continue();
    } else {
      problems.requestsOut.push(target);
      void request.abort("blockedbyclient");
    }
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, url, problems };
}

/**
 * A describe() whose tests get a launched Chromium (`browser()`), closed after them. Without a
 * Chromium it prints why and registers one skipped test whose name says so; with
 * `REGIONSIM_REQUIRE_BROWSER=1` that test fails instead.
 */
export function describeInChromium(name: string, body: (browser: () => Browser) => void): void {
  const chromium = findChromium();
  if (!chromium.found) {
    const why = `${chromium.reason}; ${CHROMIUM_HINT}`;
    describe(name, () => {
      if (BROWSER_REQUIRED) {
        it(`needs Chromium: ${why}`, () => {
          throw new Error(`the browser tests need Chromium (REGIONSIM_REQUIRE_BROWSER=1): ${why}`);
        });
      } else {
        console.warn(`${name}: skipped, ${why}`);
        it.skip(`skipped: ${why}`, () => {});
      }
    });
    return;
  }
  describe(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchChromium(chromium.path);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (browser === undefined) throw new Error(`Chromium (${chromium.path}) did not start`);
      return browser;
    });
  });
}
