// ISO 8601 dates as reports record them.

/** `YYYY-MM-DD`, optionally followed by a time with a zone (`T08:00:00Z`, `T08:00:00.000+08:00`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Whether `value` is an ISO 8601 date (`2026-03-31`) or date and time with a zone
 * (`2026-03-31T08:00:00+08:00`) that names a real day: `2026-02-31` is not one.
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return false;
  // Date.parse rolls 2026-02-31 over to March; a real day survives the round trip.
  const day = value.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}
