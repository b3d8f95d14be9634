/**
 * Each month's counts per unit (`history/YYYY-MM.json` in the state
 * store), so a report can say what changed since the month before.
 */
import { InputError } from '../errors.ts';
import type { StateStore } from './state-store.ts';

export interface UnitCounts {
  total: number;
  /** Findings by severity, keyed '3', '4', '5'. */
  bySeverity: Record<string, number>;
  systems: number;
  overdue: number;
}

export type MonthCounts = Record<string, UnitCounts>;

export interface CountsChange {
  total: number;
  bySeverity: Record<string, number>;
  systems: number;
  overdue: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month before `YYYY-MM`.
 * @throws Error when `month` is not `YYYY-MM` (a bug in the caller).
 */
export function previousMonth(month: string): string {
  if (!MONTH.test(month)) throw new Error(`invalid month "${month}"`);
  const [year, number] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, number - 2, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * Stores a month's counts, replacing what was there (a re-run of the same
 * month gives the same numbers).
 * @throws the store's error.
 */
export async function writeMonthCounts(
  store: StateStore,
  month: string,
  counts: MonthCounts,
): Promise<void> {
  previousMonth(month);
  const sorted = Object.fromEntries(
    Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
  );
  await store.write(
    historyKey(month),
    `${JSON.stringify(sorted, null, 1)}\n`,
    `history: counts of ${month}`,
  );
}

/**
 * A month's counts, or undefined when that month was never stored.
 * @throws InputError when the stored file is not valid JSON of counts.
 */
export async function readMonthCounts(
  store: StateStore,
  month: string,
): Promise<MonthCounts | undefined> {
  const text = await store.read(historyKey(month));
  if (text === undefined) return undefined;

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`state ${historyKey(month)} is not valid JSON`, {
      cause: error,
      hint: 'restore it from the state history, or remove it',
    });
  }
  if (!isRecord(data)) {
    throw new InputError(`state ${historyKey(month)} is not a map of units`, {
      hint: 'restore it from the state history, or remove it',
    });
  }
  // A hand-edited count would print "NaN since last month" in a report.
  for (const [unit, counts] of Object.entries(data)) {
    if (!isUnitCounts(counts)) {
      throw new InputError(
        `state ${historyKey(month)}: unit ${unit} does not hold whole ` +
          'counts (total, bySeverity, systems, overdue)',
        { hint: 'restore it from the state history, or remove it' },
      );
    }
  }
  return data as MonthCounts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUnitCounts(value: unknown): value is UnitCounts {
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return (
    isRecord(value) &&
    count(value.total) &&
    count(value.systems) &&
    count(value.overdue) &&
    isRecord(value.bySeverity) &&
    Object.values(value.bySeverity).every(count)
  );
}

/** Change from `previous` to `current`; undefined when there is no previous. */
export function countsChange(
  current: UnitCounts,
  previous: UnitCounts | undefined,
): CountsChange | undefined {
  if (!previous) return undefined;
  const severities = new Set([
    ...Object.keys(current.bySeverity),
    ...Object.keys(previous.bySeverity),
  ]);
  const bySeverity: Record<string, number> = {};
  for (const severity of [...severities].sort()) {
    bySeverity[severity] =
      (current.bySeverity[severity] ?? 0) -
      (previous.bySeverity[severity] ?? 0);
  }
  return {
    total: current.total - previous.total,
    bySeverity,
    systems: current.systems - previous.systems,
    overdue: current.overdue - previous.overdue,
  };
}

/**
 * Each unit's change since the month before `month`; a unit that is new
 * this month (or a first month) maps to undefined.
 * @throws InputError when a stored month is unreadable.
 */
export async function monthOverMonth(
  store: StateStore,
  month: string,
  current: MonthCounts,
): Promise<Record<string, CountsChange | undefined>> {
  const previous = await readMonthCounts(store, previousMonth(month));
  const changes: Record<string, CountsChange | undefined> = {};
  for (const [unit, counts] of Object.entries(current)) {
    changes[unit] = countsChange(counts, previous?.[unit]);
  }
  return changes;
}

function historyKey(month: string): string {
  return `history/${month}.json`;
}
