// Narrows a fitted model to one kind for tests that read its parameters, after checking the kind.
import { expect } from "vitest";
import type { FittedModel } from "../../src/models/types.js";

type OfKind<F extends FittedModel, K extends F["kind"]> = Extract<F, { readonly kind: K }>;

function isKind<F extends FittedModel, K extends F["kind"]>(
  fitted: F,
  kind: K,
): fitted is OfKind<F, K> {
  return fitted.kind === kind;
}

/** `fitted` typed as a model of `kind`, after expecting that it is one. */
export function expectKind<F extends FittedModel, K extends F["kind"]>(
  kind: K,
  fitted: F,
): OfKind<F, K> {
  expect(fitted.kind).toBe(kind);
  if (!isKind(fitted, kind)) throw new Error(`expected a fitted "${kind}" (got "${fitted.kind}")`);
  return fitted;
}
