import { afterEach, describe, expect, it } from 'vitest';

import type { MonthFindings } from '../../scripts/findings/collect.ts';
import { checkMonthData } from '../../scripts/findings/data-checks.ts';
import { emptyCounts } from '../../scripts/findings/model.ts';
import { setSink } from '../../scripts/output/logger.ts';

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

  const uncovered = (inAddressSpace: boolean) => ({
    host: { id: '7', ip: '192.0.2.7' },
    findings: 1,
    inAddressSpace,
  });

  it('refuses data whose every host is in no master group', () => {
    const data = { ...month(undefined), uncovered: [uncovered(true)] };

    expect(() => checkMonthData(data, 'file', TODAY)).toThrow(
      'none of the 1 host in file is in a master asset group: every unit ' +
        'would be told it has nothing to fix',
    );
  });

  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it.each([
    [true, ''],
    [
      false,
      "warn: hosts outside the program's address space, listed in ISO's " +
        'roll-up hosts=1\n',
    ],
  ])(
    'with one of two hosts in no group, in the space %j, warns %j',
    (inside, warning) => {
      let logged = '';
      restore = setSink((line) => (logged += line));
      const data = {
        ...month(undefined),
        hosts: 2,
        uncovered: [uncovered(inside)],
      };

      checkMonthData(data, 'file', TODAY);

      expect(logged).toBe(warning);
    },
  );
});
