import { describe, expect, it } from 'vitest';

import { emptyCounts } from '../../scripts/findings/model.ts';
import {
  type RulesApplied,
  rulesLines,
} from '../../scripts/reports/rules-applied.ts';
import { sysadminPdf } from '../../scripts/reports/sysadmin-pdf.ts';
import { pdfText } from './pdf-text.ts';
import { finding, kbEntry, type FindingSpec } from './report-fixture.ts';

function rules(days: number[]): RulesApplied {
  return {
    confirmedOnly: true,
    severities: [5, 4, 3],
    remediationDays: days.map((d, i) => ({ severity: 5 - i, days: d })),
    excluded: [],
    reclassified: [],
  };
}

async function pdfWords(specs: FindingSpec[]): Promise<string> {
  const bytes = await sysadminPdf({
    organization: 'Example University',
    audience: 'Medicine',
    month: '2026-10',
    monthEnd: '2026-10-31',
    findings: specs.map(finding),
    counts: emptyCounts(),
    vulnerabilities: new Map([kbEntry(38170, 'OpenSSH Weak Ciphers', 2)]),
    rules: rules([1, 7, 30]),
  });
  return (await pdfText(bytes)).replace(/\s+/g, ' ');
}

describe('sys-admin PDF: counts in words', () => {
  it.each([
    [
      'one finding one day overdue',
      [{ host: 1, qid: 38170, severity: 4, daysOverdue: 1 }],
      'Confirmed vulnerabilities: 1 on 1 system Past',
      '10.1.0.1 | h1.example.edu | first found 2026-10-01 | due 2026-10-08 | 1 day overdue',
    ],
    [
      'two findings 23 days overdue',
      [
        { host: 1, qid: 38170, severity: 4, daysOverdue: 23 },
        { host: 2, qid: 38170, severity: 4, daysOverdue: 23 },
      ],
      'Confirmed vulnerabilities: 2 on 2 systems Past',
      '10.1.0.2 | h2.example.edu | first found 2026-10-01 | due 2026-10-08 | 23 days overdue',
    ],
  ] as [string, FindingSpec[], string, string][])(
    'says %s in words',
    async (_name, specs, summary, hostLine) => {
      const text = await pdfWords(specs);

      expect(text).toContain(summary);
      expect(text).toContain(hostLine);
    },
  );

  it('heads a QID with its highest reported severity', async () => {
    const text = await pdfWords([
      { host: 1, qid: 38170, severity: 3 },
      { host: 2, qid: 38170, severity: 5 },
    ]);

    expect(text).toContain(
      'Severity 5, QID 38170: OpenSSH Weak Ciphers CVEs: none',
    );
  });
});

describe('sys-admin PDF: hosts of a vulnerability', () => {
  it('lists them in address order, whatever order Qualys gave', async () => {
    const text = await pdfWords(
      [100, 9, 10].map((host) => ({ host, qid: 38170, severity: 4 })),
    );
    const order = [...text.matchAll(/10\.1\.0\.(\d+) \|/g)].map((m) => m[1]);

    expect(order).toEqual(['9', '10', '100']);
  });
});

describe('rules applied: remediation days', () => {
  it.each([
    [1, 'Severity 5: remediate within 1 day of first detection.'],
    [7, 'Severity 5: remediate within 7 days of first detection.'],
    [0, 'Severity 5: remediate within 0 days of first detection.'],
  ])('says %i days as %j', (days, line) => {
    expect(rulesLines(rules([days]))).toContain(line);
  });
});
