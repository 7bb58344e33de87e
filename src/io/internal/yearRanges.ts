/** Years as runs of consecutive ones, ascending: `[2015, 2016, 2017, 2020]` → `2015–2017, 2020`. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    const prev = sorted[i - 1] as number;
    if (sorted[i] === prev + 1) continue;
    parts.push(start === prev ? `${prev}` : `${start}–${prev}`);
    start = sorted[i];
  }
  return parts.join(", ");
}
