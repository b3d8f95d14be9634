import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import {
  countsChange,
  monthOverMonth,
  previousMonth,
  readMonthCounts,
  writeMonthCounts,
} from '../../scripts/delivery/history.ts';
import type { UnitCounts } from '../../scripts/delivery/history.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { InputError } from '../../scripts/errors.ts';

let store: LocalStateStore;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'vmgov-history-'));
  store = new LocalStateStore(path.join(root, '.state'));
});

const october: UnitCounts = {
  total: 40,
  bySeverity: { '3': 30, '4': 8, '5': 2 },
  systems: 12,
  overdue: 5,
};
const november: UnitCounts = {
  total: 33,
  bySeverity: { '3': 28, '4': 5 },
  systems: 10,
  overdue: 7,
};

describe('previousMonth', () => {
  it.each([
    ['2026-11', '2026-10'],
    ['2026-01', '2025-12'],
    ['2024-03', '2024-02'],
  ])('goes from %s to %s', (month, expected) => {
    expect(previousMonth(month)).toBe(expected);
  });

  it.each(['2026-13', '2026-1', 'November'])('refuses %j', (month) => {
    expect(() => previousMonth(month)).toThrow(`invalid month "${month}"`);
  });
});

describe('monthly counts', () => {
  it('reads back what was stored, units sorted', async () => {
    await writeMonthCounts(store, '2026-11', {
      'med-it': november,
      law: october,
    });

    expect(await store.read('history/2026-11.json')).toMatch(/^\{\n "law"/);
    expect(await readMonthCounts(store, '2026-11')).toEqual({
      law: october,
      'med-it': november,
    });
    expect(await readMonthCounts(store, '2026-09')).toBeUndefined();
  });

  it('computes the change since last month per unit', async () => {
    await writeMonthCounts(store, '2026-10', { 'med-it': october });

    const changes = await monthOverMonth(store, '2026-11', {
      'med-it': november,
      law: october,
    });

    expect(changes).toEqual({
      'med-it': {
        total: -7,
        bySeverity: { '3': -2, '4': -3, '5': -2 },
        systems: -2,
        overdue: 2,
      },
      law: undefined,
    });
  });

  it('has no change for a first month', () => {
    expect(countsChange(november, undefined)).toBeUndefined();
  });

  it('refuses a stored month that is not a map of units', async () => {
    await store.write('history/2026-10.json', '[1, 2]');

    const error = await readMonthCounts(store, '2026-10').catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'state history/2026-10.json is not a map of units',
    );
  });

  it.each([
    [
      'a count that is text',
      { total: 'five', bySeverity: {}, systems: 1, overdue: 0 },
    ],
    [
      'a negative count',
      { total: 1, bySeverity: { 5: -1 }, systems: 1, overdue: 0 },
    ],
    ['no systems', { total: 1, bySeverity: {}, overdue: 0 }],
  ])('refuses a stored unit with %s', async (_name, counts) => {
    await store.write('history/2026-10.json', JSON.stringify({ law: counts }));

    await expect(readMonthCounts(store, '2026-10')).rejects.toThrow(
      'state history/2026-10.json: unit law does not hold whole counts ' +
        '(total, bySeverity, systems, overdue)',
    );
  });
});
