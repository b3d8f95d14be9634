import { describe, expect, it } from 'vitest';

import { emptyCounts } from '../../scripts/findings/model.ts';
import { executiveHtml } from '../../scripts/reports/executive-html.ts';
import { executiveText } from '../../scripts/reports/executive-text.ts';
import { executiveView } from '../../scripts/reports/executive-view.ts';
import { executiveInput, finding, kbEntry } from './report-fixture.ts';

const OPENSSH = kbEntry(38170, 'OpenSSH Weak Ciphers', 5);

describe('executive report: top vulnerabilities', () => {
  it('shows the reclassified severity, not the KnowledgeBase one', () => {
    const view = executiveView(
      executiveInput(
        [
          finding({ host: 1, qid: 38170, severity: 3, originalSeverity: 5 }),
          finding({ host: 2, qid: 38170, severity: 3, originalSeverity: 5 }),
        ],
        [OPENSSH],
      ),
    );

    expect(view.topVulnerabilities).toEqual([
      {
        qid: '38170',
        title: 'OpenSSH Weak Ciphers',
        severity: '3',
        hosts: '2',
        line: 'QID 38170 (severity 3) OpenSSH Weak Ciphers: 2 systems',
      },
    ]);
  });

  it.each([
    ['missing from', []],
    ['blank in', [kbEntry(38170, ' ', 5)]],
  ] as const)(
    'names a QID whose title is %s the KnowledgeBase once, with its severity',
    (_how, kb) => {
      const view = executiveView(
        executiveInput(
          [finding({ host: 1, qid: 38170, severity: 4 })],
          [...kb],
        ),
      );

      expect(view.topVulnerabilities).toEqual([
        {
          qid: '38170',
          title: 'QID 38170',
          severity: '4',
          hosts: '1',
          line: 'QID 38170 (severity 4): 1 system',
        },
      ]);
    },
  );

  it('puts the reported severity in the HTML table', async () => {
    const html = await executiveHtml(
      executiveView(
        executiveInput(
          [finding({ host: 1, qid: 38170, severity: 3, originalSeverity: 5 })],
          [OPENSSH],
        ),
      ),
    );
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map(
      (m) => m[1],
    );

    expect(cells).toEqual([
      '38170',
      '3',
      'OpenSSH Weak Ciphers',
      '1',
      '10.1.0.1',
      'h1.example.edu',
      '1',
    ]);
  });

  it('keeps QIDs, counts and addresses on one line, lets text wrap', async () => {
    const html = await executiveHtml(
      executiveView(
        executiveInput(
          [finding({ host: 1, qid: 38601, severity: 3 })],
          [OPENSSH],
        ),
      ),
    );
    // The report's own cells, not MJML's layout cells.
    const nowrap = [...html.matchAll(/<td style="(padding:4px[^"]*)"/g)].map(
      (m) => (m[1] ?? '').includes('white-space:nowrap'),
    );

    // QID, severity, title, systems; then address, DNS name, findings.
    expect(nowrap).toEqual([true, true, false, true, true, false, true]);
  });
});

describe('executive report: counts in words', () => {
  const one = executiveInput(
    [finding({ host: 1, qid: 38170, severity: 4, daysOverdue: 3 })],
    [OPENSSH],
    {
      counts: { ...emptyCounts(), excluded: 1, reclassified: 1 },
      previous: { total: 2, bySeverity: { 4: 2 }, systems: 2, overdue: 0 },
    },
  );
  const two = executiveInput(
    [
      finding({ host: 1, qid: 38170, severity: 4, daysOverdue: 3 }),
      finding({ host: 1, qid: 38171, severity: 3, daysOverdue: 1 }),
      finding({ host: 2, qid: 38170, severity: 4 }),
    ],
    [OPENSSH],
    {
      counts: { ...emptyCounts(), excluded: 2, reclassified: 0 },
      previous: { total: 1, bySeverity: { 4: 1 }, systems: 1, overdue: 0 },
    },
  );

  it('says the whole plain-text part in singular for one of each', () => {
    expect(executiveText(executiveView(one))).toBe(
      [
        'Vulnerability report for Medicine',
        'October 2026',
        '',
        'Severity 5: 0',
        'Severity 4: 1 (-1 since last month)',
        'Severity 3: 0',
        '',
        '1 confirmed vulnerability of severity 3, 4 or 5 on 1 system.',
        'Change since last month: -1 vulnerability, -1 system.',
        '1 finding past the remediation deadline at the end of October 2026.',
        '',
        'Vulnerabilities on most systems:',
        '  QID 38170 (severity 4) OpenSSH Weak Ciphers: 1 system',
        '',
        'Systems with most findings:',
        '  10.1.0.1 (h1.example.edu): 1 finding',
        '',
        'Governance decisions applied: 1 finding left out (ISO excluded QIDs), 1 finding reclassified to another severity.',
        '',
      ].join('\n'),
    );
  });

  it('says the whole plain-text part in plural for more than one', () => {
    expect(executiveText(executiveView(two))).toBe(
      [
        'Vulnerability report for Medicine',
        'October 2026',
        '',
        'Severity 5: 0',
        'Severity 4: 2 (+1 since last month)',
        'Severity 3: 1',
        '',
        '3 confirmed vulnerabilities of severity 3, 4 or 5 on 2 systems.',
        'Change since last month: +2 vulnerabilities, +1 system.',
        '2 findings past the remediation deadline at the end of October 2026.',
        '',
        'Vulnerabilities on most systems:',
        '  QID 38170 (severity 4) OpenSSH Weak Ciphers: 2 systems',
        '  QID 38171 (severity 3): 1 system',
        '',
        'Systems with most findings:',
        '  10.1.0.1 (h1.example.edu): 2 findings',
        '  10.1.0.2 (h2.example.edu): 1 finding',
        '',
        'Governance decisions applied: 2 findings left out (ISO excluded QIDs), 0 findings reclassified to another severity.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [0, 0, 'Change since last month: 0 vulnerabilities, 0 systems.'],
    [1, 1, 'Change since last month: +1 vulnerability, +1 system.'],
    [3, 2, 'Change since last month: +3 vulnerabilities, +2 systems.'],
  ])(
    'says a change of %i findings on %i systems as %j',
    (moreFindings, moreSystems, line) => {
      const view = executiveView({
        ...two,
        previous: {
          total: 3 - moreFindings,
          bySeverity: {},
          systems: 2 - moreSystems,
          overdue: 0,
        },
      });

      expect(view.changeLine).toBe(line);
    },
  );

  it('says "no change" rather than a bare 0 beside a count', () => {
    const view = executiveView({
      ...two,
      previous: {
        total: 3,
        bySeverity: { 3: 1, 4: 2, 5: 0 },
        systems: 2,
        overdue: 0,
      },
    });

    expect(executiveText(view).split('\n').slice(3, 6)).toEqual([
      'Severity 5: 0 (no change)',
      'Severity 4: 2 (no change)',
      'Severity 3: 1 (no change)',
    ]);
  });

  it('writes no "1 findings" or "1 systems" in the HTML', async () => {
    const html = await executiveHtml(executiveView(one));

    expect(html).not.toMatch(/\b1 (findings|systems|vulnerabilities)\b/);
    expect(html).toContain('-1 vulnerability, -1 system.');
    expect(html).toContain(
      '1 finding left out (ISO excluded QIDs), 1 finding reclassified',
    );
  });
});
