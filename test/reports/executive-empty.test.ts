import { describe, expect, it } from 'vitest';

import { emptyCounts } from '../../scripts/findings/model.ts';
import { executiveHtml } from '../../scripts/reports/executive-html.ts';
import { executiveText } from '../../scripts/reports/executive-text.ts';
import { executiveView } from '../../scripts/reports/executive-view.ts';
import { executiveInput, finding } from './report-fixture.ts';

const SENTENCE =
  'No confirmed vulnerability of severity 3, 4 or 5 was open at the end ' +
  'of October 2026 on the 3 systems scanned.';

const none = executiveInput([], [], {
  counts: { ...emptyCounts(), hosts: 3, excluded: 2, reclassified: 0 },
  previous: { total: 1, bySeverity: { 4: 1 }, systems: 1, overdue: 0 },
});

describe('executive report: a unit with no finding', () => {
  it('says the whole plain-text part with one sentence for the top fives', () => {
    expect(executiveText(executiveView(none))).toBe(
      [
        'Vulnerability report for Medicine',
        'October 2026',
        '',
        'Severity 5: 0',
        'Severity 4: 0 (-1 since last month)',
        'Severity 3: 0',
        '',
        '0 confirmed vulnerabilities of severity 3, 4 or 5 on 0 systems.',
        'Change since last month: -1 vulnerability, -1 system.',
        '0 findings past the remediation deadline at the end of October 2026.',
        '',
        SENTENCE,
        '',
        'Governance decisions applied: 2 findings left out (ISO excluded QIDs), 0 findings reclassified to another severity.',
        '',
      ].join('\n'),
    );
  });

  it('says the sentence in the HTML and prints neither table', async () => {
    const html = await executiveHtml(executiveView(none));

    expect(html.split(SENTENCE)).toHaveLength(2);
    expect(html).not.toContain('<th');
    expect(html).not.toContain('DNS name');
    expect(html).not.toContain('Vulnerabilities on most systems');
    expect(html).not.toContain('Systems with most findings');
  });

  it.each([
    [
      1,
      'No confirmed vulnerability of severity 3, 4 or 5 was open at the end ' +
        'of October 2026 on the 1 system scanned.',
    ],
    [
      0,
      'None of these systems was in the scan data for October 2026, so this ' +
        'report cannot say whether they are clean: check that their master ' +
        'asset groups are scanned.',
    ],
  ])('with %i hosts in the data says %j', (hosts, line) => {
    const view = executiveView(
      executiveInput([], [], { counts: { ...emptyCounts(), hosts } }),
    );

    expect(view.noFindingsLine).toBe(line);
  });

  it('says no sentence when there is a finding', async () => {
    const view = executiveView(
      executiveInput([finding({ host: 1, qid: 38170, severity: 3 })]),
    );
    const html = await executiveHtml(view);

    expect(view.noFindingsLine).toBeUndefined();
    expect(html).not.toContain('No confirmed vulnerability');
    expect(
      [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]),
    ).toEqual([
      'QID',
      'Severity',
      'Title',
      'Systems',
      'Address',
      'DNS name',
      'Findings',
    ]);
  });
});
