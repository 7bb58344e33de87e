import { expect } from "vitest";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

/**
 * Messages kept from before the argument checks, which name what is wrong without the
 * parameter's path: the error's `path` names it instead.
 */
const KEPT = [
  /^crossingYear: years and values differ in length/,
  /^jsonSchemaOf: unknown document/,
];

/**
 * Runs `call` and checks that it returns, or throws one of the library's argument errors whose
 * message starts with `fn: ` and whose `path` starts with one of `params` (and is named in the
 * message). Any other error fails the test. Returns whether it threw.
 */
export function returnsOrThrowsOwnError(
  fn: string,
  params: readonly string[],
  call: () => unknown,
): boolean {
  try {
    call();
    return false;
  } catch (e) {
    if (!(e instanceof ArgumentTypeError || e instanceof ArgumentRangeError)) throw e;
    expect(e.message.startsWith(`${fn}: `), e.message).toBe(true);
    const root = /^[^.[]*/.exec(e.path)?.[0];
    expect(params, e.message).toContain(root);
    if (!KEPT.some((k) => k.test(e.message))) expect(e.message).toContain(e.path);
    return true;
  }
}
