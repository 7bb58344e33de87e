/**
 * The generated blocks of docs/backtest.md: each level and window writes between its own pair of
 * markers, `<!-- ID:begin -->` and `<!-- ID:end -->` (ID from `blockId`).
 */

/** The markers of a block. */
export function markers(id: string): { begin: string; end: string } {
  return { begin: `<!-- ${id}:begin -->`, end: `<!-- ${id}:end -->` };
}

/**
 * Where a block's markers are in the document: each must be a line of its own (so that the text
 * may name a marker in passing), the end after the begin; undefined when they are not there.
 */
export function findBlock(text: string, id: string): { start: number; stop: number } | undefined {
  const { begin, end } = markers(id);
  const lines = text.split("\n");
  const from = lines.indexOf(begin);
  const to = lines.indexOf(end, from + 1);
  if (from < 0 || to < 0) return undefined;
  const offset = (line: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  return { start: offset(from), stop: offset(to) + end.length };
}
