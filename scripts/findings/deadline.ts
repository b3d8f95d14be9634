/**
 * Remediation deadlines: first detection plus the program's days for the
 * severity, judged at the reported month's last day (all dates UTC).
 */

const DAY_MS = 86_400_000;

/** The reported month's last day, YYYY-MM-DD, for a YYYY-MM month. */
export function monthEndDay(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon - 2, 1)).toISOString().slice(0, 7);
}

/** The month that ended before `now`, YYYY-MM. */
export function lastEndedMonth(now: Date): string {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  return new Date(first).toISOString().slice(0, 7);
}

/**
 * Due date and whole days overdue at `monthEnd`; no due date when the first
 * detection date or the severity's days are unknown.
 */
export function deadline(
  firstFound: string | undefined,
  days: number | undefined,
  monthEnd: string,
): { dueDate?: string; daysOverdue: number } {
  const found = firstFound ? Date.parse(firstFound.slice(0, 10)) : NaN;
  if (Number.isNaN(found) || days === undefined) return { daysOverdue: 0 };
  const due = found + days * DAY_MS;
  const overdue = Math.floor((Date.parse(monthEnd) - due) / DAY_MS);
  return {
    dueDate: new Date(due).toISOString().slice(0, 10),
    daysOverdue: Math.max(0, overdue),
  };
}
