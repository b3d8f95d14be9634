import { describe, expect, it } from 'vitest';

import type { UncoveredHost } from '../../scripts/findings/collect.ts';
import { rollup } from '../../scripts/reports/rollup.ts';
import { buildPolicy, MED_WITH_LAB } from '../findings/policy-fixture.ts';
import { hostileMonth } from './hostile-kb.ts';

const policy = buildPolicy({ units: [MED_WITH_LAB] });

function uncovered(findings: number[]): UncoveredHost[] {
  return findings.map((n, i) => ({
    host: { id: String(i + 20), ip: `10.9.0.${i + 20}` },
    findings: n,
  }));
}

function build(hosts: UncoveredHost[]) {
  return rollup({ ...hostileMonth(policy), uncovered: hosts }, 'Example U');
}

function coverage(text: string): string {
  return text.slice(text.indexOf('Coverage\n'));
}

describe('ISO roll-up: coverage list', () => {
  it.each([
    [[], ['Every scanned host is in a master asset group.']],
    [
      [1],
      [
        '1 scanned host is in no master asset group; its unit must add it to a group.',
        '  10.9.0.20: 1 finding',
      ],
    ],
    [
      [0, 2],
      [
        '2 scanned hosts are in no master asset group; their units must add them to a group.',
        '  10.9.0.21: 2 findings',
        '  10.9.0.20: 0 findings',
      ],
    ],
  ])('lists uncovered hosts with %j findings as %j', (findings, lines) => {
    expect(coverage(build(uncovered(findings)).text)).toBe(
      ['Coverage', ...lines, ''].join('\n'),
    );
  });

  it('prints no host table in the HTML when every host is covered', () => {
    const { html } = build([]);

    expect(html).toContain(
      '<h3>Coverage</h3><p>Every scanned host is in a master asset group.</p></body>',
    );
    expect(html).not.toContain('DNS name');
    expect(html.match(/<table/g)).toHaveLength(1);
  });

  it('prints the host table in the HTML when a host is left out', () => {
    const { html } = build(uncovered([1]));

    expect(html).toContain(
      '<p>1 scanned host is in no master asset group; its unit must add it to a group.</p>' +
        '<table border="1" cellpadding="4" cellspacing="0">' +
        '<tr><th align="left">Address</th><th align="left">DNS name</th><th align="left">Findings</th></tr>' +
        '<tr><td>10.9.0.20</td><td></td><td>1</td></tr></table>',
    );
  });
});
