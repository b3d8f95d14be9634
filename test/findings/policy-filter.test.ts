import { describe, expect, it } from 'vitest';

import {
  deadline,
  lastEndedMonth,
  monthEndDay,
} from '../../scripts/findings/deadline.ts';
import {
  emptyCounts,
  type ScannedDetection,
} from '../../scripts/findings/model.ts';
import {
  createPolicyFilter,
  UnjudgedDetection,
} from '../../scripts/findings/policy-filter.ts';
import { buildPolicy } from './policy-fixture.ts';

const policy = buildPolicy({
  units: [],
  excluded: [105459],
  reclassified: [
    { qid: 70004, from: 3, to: 2 },
    { qid: 80001, from: 2, to: 3 },
  ],
});
const filter = createPolicyFilter(policy, '2026-10-31');

function detection(extra: Partial<ScannedDetection>): ScannedDetection {
  return {
    qid: 90001,
    type: 'confirmed',
    severity: 4,
    status: 'Active',
    firstFound: '2026-10-01T08:00:00Z',
    isIgnored: false,
    isDisabled: false,
    ...extra,
  };
}

describe('the policy filter', () => {
  it.each([
    [
      { status: undefined },
      'host 10.1.0.5: QID 90001 has no STATUS of New, Active, Re-Opened or Fixed',
    ],
    [{ severity: 0 }, 'host 10.1.0.5: QID 90001 has no SEVERITY of 1 to 5'],
    [
      { severity: undefined },
      'host 10.1.0.5: QID 90001 has no SEVERITY of 1 to 5',
    ],
  ])('refuses a confirmed detection with %j', (extra, message) => {
    const apply = () =>
      filter.apply(
        { host: { id: '1', ip: '10.1.0.5' }, detections: [detection(extra)] },
        emptyCounts(),
      );

    expect(apply).toThrow(UnjudgedDetection);
    expect(apply).toThrow(message);
  });

  it.each([
    ['an open confirmed severity 4', {}, 'kept'],
    ['a potential one', { type: 'potential' as const }, 'notConfirmed'],
    ['an information gathered one', { type: 'info' as const }, 'notConfirmed'],
    ['an ignored one', { isIgnored: true }, 'ignoredOrDisabled'],
    ['a disabled one', { isDisabled: true }, 'ignoredOrDisabled'],
    ['a fixed one', { status: 'Fixed' as const }, 'otherStatus'],
    [
      'an information gathered one without status',
      { type: 'info' as const, status: undefined },
      'notConfirmed',
    ],
    ['an ISO excluded QID', { qid: 105459 }, 'excluded'],
    ['a severity 2', { severity: 2 }, 'otherSeverity'],
    [
      'a severity 3 reclassified to 2',
      { qid: 70004, severity: 3 },
      'otherSeverity',
    ],
    ['a severity 2 reclassified to 3', { qid: 80001, severity: 2 }, 'kept'],
    [
      "one found on the month's last day",
      { firstFound: '2026-10-31T23:00:00Z' },
      'kept',
    ],
    ['one whose first-found date is not one', { firstFound: 'soon' }, 'kept'],
    [
      "one found after the month's end",
      { firstFound: '2026-11-01T00:10:00Z' },
      'foundLater',
    ],
  ])('counts %s as %s', (_name, extra, reason) => {
    const counts = emptyCounts();

    const kept = filter.apply(
      { host: { id: '1' }, detections: [detection(extra)] },
      counts,
    );

    expect(kept).toHaveLength(reason === 'kept' ? 1 : 0);
    expect(counts.seen).toBe(1);
    expect(counts[reason as keyof typeof counts]).toBe(1);
  });

  it('keeps the original severity of a reclassified finding', () => {
    const counts = emptyCounts();

    const [finding] = filter.apply(
      {
        host: { id: '1' },
        detections: [detection({ qid: 80001, severity: 2 })],
      },
      counts,
    );

    expect([
      finding.severity,
      finding.originalSeverity,
      counts.reclassified,
    ]).toEqual([3, 2, 1]);
    expect([finding.dueDate, finding.daysOverdue]).toEqual(['2026-12-30', 0]);
  });

  it('leaves a reclassification alone once Qualys rates the QID otherwise', () => {
    const counts = emptyCounts();

    const [finding] = filter.apply(
      {
        host: { id: '1' },
        detections: [detection({ qid: 70004, severity: 4 })],
      },
      counts,
    );

    expect([
      finding.severity,
      finding.originalSeverity,
      counts.reclassified,
    ]).toEqual([4, undefined, 0]);
  });

  it('shortens long evidence', () => {
    const [finding] = filter.apply(
      {
        host: { id: '1' },
        detections: [detection({ results: `a\n${'x'.repeat(400)}` })],
      },
      emptyCounts(),
    );

    expect(finding.evidence).toHaveLength(300);
    expect(finding.evidence!.startsWith('a x')).toBe(true);
    expect(finding.evidence!.endsWith('x…')).toBe(true);
  });
});

describe('deadlines', () => {
  it.each([
    ['2026-10-01T08:00:00Z', 7, { dueDate: '2026-10-08', daysOverdue: 23 }],
    ['2026-10-24T00:00:00Z', 7, { dueDate: '2026-10-31', daysOverdue: 0 }],
    ['2026-08-01T00:00:00Z', 90, { dueDate: '2026-10-30', daysOverdue: 1 }],
    [undefined, 7, { daysOverdue: 0 }],
    ['2026-10-01T00:00:00Z', undefined, { daysOverdue: 0 }],
  ])(
    'first found %s with %s days gives %j at the end of October',
    (found, days, want) => {
      expect(deadline(found, days, '2026-10-31')).toEqual(want);
    },
  );

  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, end) => {
    expect(monthEndDay(month)).toBe(end);
  });

  it.each([
    ['2026-12-01T00:00:00Z', '2026-11'],
    ['2027-01-15T12:00:00Z', '2026-12'],
  ])('on %s the month that just ended is %s', (now, month) => {
    expect(lastEndedMonth(new Date(now))).toBe(month);
  });
});
