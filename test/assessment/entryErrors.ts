// What the entry points of assessment, simulation and report may throw for any input: nothing,
// or one of the library's argument errors whose message starts with the function's name and
// names the parameter (its `path`, or for the messages kept from before the checks, the last
// part of it: `simulate: paths must be …` for `options.paths`).
import { expect } from "vitest";
import { ArgumentRangeError, ArgumentTypeError } from "../../src/internal/errors.js";

/** Messages kept from before the checks that name what is wrong without the full path. */
const KEPT = [/^disparity: needs at least 2 places/, /^getPack: unknown pack/, /^simulate: /];

/** Checks that `e` is an argument error of `fn` naming one of `params`; rethrows anything else. */
export function expectOwnError(fn: string, params: readonly string[], e: unknown): void {
  if (!(e instanceof ArgumentTypeError || e instanceof ArgumentRangeError)) throw e;
  expect(e.message.startsWith(`${fn}: `), e.message).toBe(true);
  const root = /^[^.[]*/.exec(e.path)?.[0];
  expect(params, e.message).toContain(root);
  const last = /[^.]*$/.exec(e.path)?.[0] ?? e.path;
  const named = e.message.includes(e.path) || e.message.includes(last);
  if (!KEPT.some((k) => k.test(e.message))) expect(named, `${e.message} / ${e.path}`).toBe(true);
}

/** Runs `call`: it returns, or throws an argument error of `fn` (see {@link expectOwnError}). */
export function returnsOrOwnError(
  fn: string,
  params: readonly string[],
  call: () => unknown,
): void {
  try {
    call();
  } catch (e) {
    expectOwnError(fn, params, e);
  }
}

/** {@link returnsOrOwnError} for an async entry point: it resolves, or rejects with such an error. */
export async function resolvesOrOwnError(
  fn: string,
  params: readonly string[],
  call: () => Promise<unknown>,
): Promise<void> {
  try {
    await call();
  } catch (e) {
    expectOwnError(fn, params, e);
  }
}

/** A value of any type, as plain JavaScript may pass it. */
export const loose = <T>(value: unknown): T => value as T;
