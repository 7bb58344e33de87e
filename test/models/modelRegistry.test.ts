import { describe, expect, it } from "vitest";
import {
  isFittedKind,
  isModelKind,
  type ModelKind,
  ModelSpecSchema,
  modelDeclarations,
  modelRegistry,
  type SpecOf,
  selectorRegistry,
} from "../../src/models/modelRegistry.js";

describe("modelRegistry", () => {
  it("lists each definition under its own kind", () => {
    for (const [key, definition] of Object.entries(modelDeclarations))
      expect(definition.kind).toBe(key);
  });

  it("declares every kind the spec schema accepts, as a fitted kind or a selector, not both", () => {
    const schemaKinds = ModelSpecSchema.options.map((o) => o.shape.kind.value).sort();
    expect(Object.keys(modelDeclarations).sort()).toEqual(schemaKinds);
    expect(Object.keys(selectorRegistry)).toEqual(["auto"]);
    for (const kind of Object.keys(modelRegistry)) expect(kind in selectorRegistry).toBe(false);
  });

  it("isModelKind and isFittedKind recognise only the registry's own keys", () => {
    expect(isModelKind("theta")).toBe(true);
    expect(isModelKind("auto")).toBe(true);
    expect(isFittedKind("auto")).toBe(false);
    expect(isFittedKind("holt")).toBe(true);
    for (const name of ["arima", "toString", "__proto__", "constructor", ""]) {
      expect(isModelKind(name)).toBe(false);
      expect(isFittedKind(name)).toBe(false);
    }
  });

  it("every fallback names a declared kind that needs fewer points", () => {
    const fallbackOf = <K extends ModelKind>(kind: K, spec: SpecOf<K>) =>
      modelDeclarations[kind].fallback(spec);
    for (const spec of [
      { kind: "holt", damped: true },
      ...Object.keys(modelDeclarations).map((kind) => ({ kind })),
    ]) {
      const parsed = ModelSpecSchema.safeParse(spec);
      if (!parsed.success) continue; // specs with required options (cagr, path) have no fallback
      const simpler = fallbackOf(parsed.data.kind, parsed.data);
      if (simpler === undefined) continue;
      expect(modelDeclarations[simpler.kind].minPoints(simpler)).toBeLessThan(
        modelDeclarations[parsed.data.kind].minPoints(parsed.data),
      );
    }
  });
});
