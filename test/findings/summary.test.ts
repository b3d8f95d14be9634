import { describe, expect, it } from 'vitest';

import { summarize } from '../../scripts/findings/summary.ts';
import { finding } from '../reports/report-fixture.ts';

describe('summarize: top vulnerabilities', () => {
  it('gives the reported severity, not the one before reclassification', () => {
    const summary = summarize([
      finding({ host: 1, qid: 38170, severity: 3, originalSeverity: 5 }),
      finding({ host: 2, qid: 38170, severity: 3, originalSeverity: 5 }),
    ]);

    expect(summary.topVulnerabilities).toEqual([
      { qid: 38170, severity: 3, hosts: 2 },
    ]);
    expect(summary.reclassifiedShown).toBe(2);
  });

  it.each([
    [[3, 5, 4], 5],
    [[4, 3], 4],
    [[3, 3], 3],
  ] as const)(
    'takes the highest when findings of one QID say %j',
    (severities, highest) => {
      const findings = severities.map((severity, i) =>
        finding({ host: i + 1, qid: 105500, severity }),
      );

      expect(summarize(findings).topVulnerabilities).toEqual([
        { qid: 105500, severity: highest, hosts: severities.length },
      ]);
    },
  );

  it('orders by hosts, then QID, and keeps each QID its own severity', () => {
    const summary = summarize([
      finding({ host: 1, qid: 200, severity: 4 }),
      finding({ host: 1, qid: 100, severity: 3 }),
      finding({ host: 2, qid: 300, severity: 5 }),
      finding({ host: 2, qid: 200, severity: 4 }),
      // Same host twice on one QID (two ports) counts one system.
      finding({ host: 2, qid: 300, severity: 5 }),
    ]);

    expect(summary.topVulnerabilities).toEqual([
      { qid: 200, severity: 4, hosts: 2 },
      { qid: 100, severity: 3, hosts: 1 },
      { qid: 300, severity: 5, hosts: 1 },
    ]);
    expect(summary.total).toBe(5);
    expect(summary.hostsAffected).toBe(2);
  });
});
