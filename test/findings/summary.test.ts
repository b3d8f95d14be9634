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

  it('orders by hosts, then severity, then QID, each QID its own severity', () => {
    const summary = summarize([
      finding({ host: 1, qid: 200, severity: 4 }),
      finding({ host: 1, qid: 100, severity: 3 }),
      finding({ host: 2, qid: 300, severity: 5 }),
      finding({ host: 2, qid: 200, severity: 4 }),
      // Same host twice on one QID (two ports) counts one system.
      finding({ host: 2, qid: 300, severity: 5 }),
    ]);

    // On one system each, the severity 5 comes before the severity 3.
    expect(summary.topVulnerabilities).toEqual([
      { qid: 200, severity: 4, hosts: 2 },
      { qid: 300, severity: 5, hosts: 1 },
      { qid: 100, severity: 3, hosts: 1 },
    ]);
    expect(summary.total).toBe(5);
    expect(summary.hostsAffected).toBe(2);
  });
});

describe('summarize: top hosts', () => {
  it('breaks ties in the order people read addresses', () => {
    // As text, 10.1.0.10 and 10.1.0.100 would sort before 10.1.0.9.
    const summary = summarize(
      [100, 9, 10, 7].map((host) => finding({ host, qid: 38601, severity: 3 })),
    );

    expect(summary.topHosts.map((t) => t.host.ip)).toEqual([
      '10.1.0.7',
      '10.1.0.9',
      '10.1.0.10',
      '10.1.0.100',
    ]);
  });
});
