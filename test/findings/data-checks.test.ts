import { describe, expect, it } from 'vitest';

import type { MonthFindings } from '../../scripts/findings/collect.ts';
import { checkMonthData } from '../../scripts/findings/data-checks.ts';
import { emptyCounts } from '../../scripts/findings/model.ts';

function month(producedOn: string | undefined): MonthFindings {
  return {
    month: '2026-10',
    monthEnd: '2026-10-31',
    hosts: 1,
    repeatedHosts: 0,
    producedOn,
    units: [],
    uncovered: [],
    vulnerabilities: new Map(),
    totals: { ...emptyCounts(), seen: 1, kept: 1 },
  };
}

const TODAY = new Date('2026-11-03T00:00:00Z');

describe('checkMonthData', () => {
  it.each([
    ['a date after the month', '2026-11-01T00:00:00Z'],
    ['no date', undefined],
    ['a word', 'yesterday'],
    ['a date that does not exist', '2026-02-30T00:00:00Z'],
    ['a month that does not exist', '2026-13-45'],
  ])('accepts data produced on %s', (_name, producedOn) => {
    expect(() =>
      checkMonthData(month(producedOn), 'file', TODAY),
    ).not.toThrow();
  });

  it('refuses data produced before the month ended', () => {
    expect(() =>
      checkMonthData(month('2026-10-30T12:00:00Z'), 'file', TODAY),
    ).toThrow('file is from 2026-10-30, before 2026-10 ended');
  });
});
