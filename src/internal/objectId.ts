const ids = new WeakMap<object, number>();
let next = 1;

/**
 * A number that names an object for as long as it lives, never reused: a memo keyed by the
 * objects a result was computed from (`${objectId(a)},${objectId(b)}`) finds the result again
 * when the same objects come back, and never confuses them with others. Only for objects that no
 * one changes after they are made (the library's own intermediate results).
 */
export function objectId(value: object): number {
  const known = ids.get(value);
  if (known !== undefined) return known;
  const id = next++;
  ids.set(value, id);
  return id;
}
