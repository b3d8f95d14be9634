import { describe, expect, it } from 'vitest';

import type { UncoveredHost } from '../../scripts/findings/collect.ts';
import { LISTED_IN_BODY, rollup } from '../../scripts/reports/rollup.ts';
import { buildPolicy, MED_WITH_LAB } from '../findings/policy-fixture.ts';
import { hostileMonth } from './hostile-kb.ts';

const policy = buildPolicy({ units: [MED_WITH_LAB] });

function uncovered(findings: number[], outside = 0): UncoveredHost[] {
  return findings.map((n, i) => ({
    host: { id: String(i + 20), ip: `10.9.0.${i + 20}` },
    findings: n,
    inAddressSpace: i >= outside,
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

  it('says which hosts are outside the address space', () => {
    expect(coverage(build(uncovered([3, 1, 2], 2)).text)).toBe(
      [
        'Coverage',
        '3 scanned hosts are in no master asset group; their units must ' +
          'add them to a group. 2 of them are outside the address space in ' +
          "policy/program.yaml: check the scan's targets, or ask governance " +
          'to add the block.',
        '  10.9.0.20: 3 findings, outside the address space',
        '  10.9.0.22: 2 findings',
        '  10.9.0.21: 1 finding, outside the address space',
        '',
      ].join('\n'),
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
        '<tr><th align="left">Address</th><th align="left">DNS name</th>' +
        '<th align="left">Findings</th><th align="left">In address space</th></tr>' +
        '<tr><td>10.9.0.20</td><td></td><td>1</td><td>yes</td></tr></table>',
    );
  });
});

describe('ISO roll-up: CSV attachments', () => {
  function attachment(hosts: UncoveredHost[], name: string): string {
    const file = build(hosts).attachments.find((a) => a.filename === name);
    return file ? file.content.toString('utf8') : '(none)';
  }

  it('attaches the unit table, and the coverage list only when needed', () => {
    const month = hostileMonth(policy).month;

    expect(build([]).attachments.map((a) => a.filename)).toEqual([
      `rollup-units-${month}.csv`,
    ]);
    expect(build(uncovered([1])).attachments.map((a) => a.filename)).toEqual([
      `rollup-units-${month}.csv`,
      `coverage-${month}.csv`,
    ]);
    expect(build([]).attachments[0].contentType).toBe('text/csv');
  });

  it('writes every uncovered host, in report order, quoting as CSV', () => {
    const hosts: UncoveredHost[] = [
      {
        host: { id: '1', ip: '10.9.0.10', dns: 'a,b.example.edu' },
        findings: 1,
        inAddressSpace: true,
      },
      {
        host: { id: '2', ip: '10.9.0.9', os: 'Linux "x"' },
        findings: 1,
        inAddressSpace: false,
      },
      {
        host: { id: '3', ip: '10.9.0.2', dns: '=HYPERLINK(1)' },
        findings: 4,
        inAddressSpace: true,
      },
    ];
    const month = hostileMonth(policy).month;

    expect(attachment(hosts, `coverage-${month}.csv`)).toBe(
      'address,dns,os,findings,in_address_space\r\n' +
        "10.9.0.2,'=HYPERLINK(1),,4,yes\r\n" +
        '10.9.0.9,,"Linux ""x""",1,no\r\n' +
        '10.9.0.10,"a,b.example.edu",,1,yes\r\n',
    );
  });

  it('lists the first hosts in the body and the rest in the CSV', () => {
    const hosts = uncovered(
      Array.from({ length: LISTED_IN_BODY + 3 }, () => 1),
    );
    const { text, html } = build(hosts);
    const month = hostileMonth(policy).month;
    const csv = attachment(hosts, `coverage-${month}.csv`);

    expect(text.match(/: 1 finding$/gm)).toHaveLength(LISTED_IN_BODY);
    expect(text).toContain(
      `\n3 more hosts in the attached coverage-${month}.csv, which lists them all.\n`,
    );
    expect(html.match(/<tr><td>10\.9\./g)).toHaveLength(LISTED_IN_BODY);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(LISTED_IN_BODY + 4);
  });

  it('lists the units with their counts', () => {
    const csv = attachment(
      [],
      `rollup-units-${hostileMonth(policy).month}.csv`,
    );
    const [head, ...rows] = csv.trimEnd().split('\r\n');

    expect(head).toBe(
      'unit,name,scanned,sev5,sev4,sev3,systems,overdue,excluded,reclassified',
    );
    expect(rows).toHaveLength(hostileMonth(policy).units.length);
    // scanned 1, sev5 1, sev4 0, sev3 0, systems 1, overdue 1, excluded 1,
    // reclassified 1: the fixture month.
    expect(rows[0]).toMatch(/^med,[^,]*,1,1,0,0,1,1,1,1$/);
  });
});
