/**
 * Calendar days as text. `Date.parse` rolls 2026-02-30 over to March and
 * gives up on month 13, so a day is real only when it survives the round
 * trip through a Date.
 */

/** True for YYYY-MM-DD naming a day that exists. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text)
  );
}
