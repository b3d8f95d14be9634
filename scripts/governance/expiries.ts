/**
 * Which dated decisions are due for review: expired (review_by already
 * past) or due within the look-ahead window. A decision without a valid
 * review_by counts as expired, since nobody can tell when it was meant to end.
 */
import { addDays, daysBetween, isIsoDate } from './dates.ts';
import type { DecisionEntry } from './decision-entries.ts';

export interface ExpiringDecision {
  entry: DecisionEntry;
  status: 'expired' | 'due';
  /** Days from today to review_by; negative once past. */
  daysLeft: number;
}

/** Decisions whose review_by is before `today + days`, soonest first. */
export function findExpiring(
  entries: readonly DecisionEntry[],
  today: string,
  days: number,
): ExpiringDecision[] {
  const horizon = addDays(today, days);
  const found: ExpiringDecision[] = [];
  for (const entry of entries) {
    if (!isIsoDate(entry.reviewBy)) {
      found.push({ entry, status: 'expired', daysLeft: -Infinity });
      continue;
    }
    if (entry.reviewBy > horizon) continue;
    const daysLeft = daysBetween(today, entry.reviewBy);
    found.push({ entry, status: daysLeft < 0 ? 'expired' : 'due', daysLeft });
  }
  return found.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      a.entry.file.localeCompare(b.entry.file) ||
      a.entry.index - b.entry.index,
  );
}
