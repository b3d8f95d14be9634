import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { collectFindings } from '../../scripts/findings/collect.ts';
import { openScanReport } from '../../scripts/findings/scan-report-source.ts';
import { summarize } from '../../scripts/findings/summary.ts';
import { InputError } from '../../scripts/errors.ts';
import { buildPolicy } from './policy-fixture.ts';
import {
  FIXTURES_MISSING,
  MISSING_REASON,
  readPlainly,
  SAMPLE_REPORT,
} from './sample-report.ts';

const ALPHA = [
  '64.41.200.243',
  '64.41.200.244',
  '64.41.200.245',
  '64.41.200.246',
];
const BETA = ['64.41.200.247', '64.41.200.248', '64.41.200.249'];
const EXCLUDED = 38601;
const RECLASSIFIED = 121695;

const policy = buildPolicy({
  units: [
    {
      id: 'alpha',
      masters: [
        {
          title: 'mg-alpha',
          ranges: ['64.41.200.243-64.41.200.246'],
          subgroups: [
            {
              name: 'web',
              ranges: ['64.41.200.246'],
              sysadmin: ['web@alpha.example.edu'],
            },
          ],
        },
      ],
    },
    {
      id: 'beta',
      masters: [{ title: 'mg-beta', ranges: ['64.41.200.247-64.41.200.249'] }],
    },
  ],
  excluded: [EXCLUDED],
  reclassified: [{ qid: RECLASSIFIED, from: 3, to: 2 }],
});

/** The expected counts for some addresses, from the plain reading. */
function expected(ips: string[]) {
  const { detections, severity } = readPlainly();
  const open = detections.filter(
    (d) =>
      ips.includes(d.ip) &&
      d.type === 'Vuln' &&
      ['New', 'Active', 'Re-Opened'].includes(d.status),
  );
  const excluded = open.filter((d) => d.qid === EXCLUDED).length;
  const reclassified = open.filter(
    (d) => d.qid === RECLASSIFIED && severity.get(d.qid) === 3,
  ).length;
  const kept = open.filter((d) => {
    const level = d.qid === RECLASSIFIED ? 2 : severity.get(d.qid)!;
    return d.qid !== EXCLUDED && level >= 3;
  });
  return {
    kept: kept.length,
    excluded,
    reclassified,
    hosts: new Set(kept.map((d) => d.ip)).size,
    sev5: kept.filter((d) => severity.get(d.qid) === 5).length,
  };
}

describe.skipIf(FIXTURES_MISSING)(
  `the sample scan report (${MISSING_REASON} when skipped)`,
  () => {
    it.each([
      ['alpha', ALPHA],
      ['beta', BETA],
    ])(
      'gives unit %s the counts a plain reading of the XML gives',
      async (id, ips) => {
        const result = await collectFindings(
          await openScanReport(SAMPLE_REPORT),
          policy,
          '2019-08',
        );
        const unit = result.units.find((u) => u.unit.id === id)!;
        const summary = summarize(unit.findings);
        const want = expected(ips);

        expect(unit.counts.kept).toBe(want.kept);
        expect(unit.counts.excluded).toBe(want.excluded);
        expect(unit.counts.reclassified).toBe(want.reclassified);
        expect(summary.hostsAffected).toBe(want.hosts);
        expect(summary.bySeverity[5]).toBe(want.sev5);
      },
    );

    it('pins the numbers of this file and layout', async () => {
      const result = await collectFindings(
        await openScanReport(SAMPLE_REPORT),
        policy,
        '2019-08',
      );
      const [alpha, beta] = result.units;

      expect(result.totals.seen).toBe(301);
      expect(result.totals.notConfirmed).toBe(211);
      expect([
        alpha.counts.kept,
        alpha.counts.excluded,
        alpha.counts.reclassified,
      ]).toEqual([4, 1, 2]);
      expect([
        beta.counts.kept,
        beta.counts.excluded,
        beta.counts.reclassified,
      ]).toEqual([6, 1, 0]);
      expect(expected(['64.41.200.250']).kept).toBe(26);
      expect(result.uncovered.map((u) => [u.host.ip, u.findings])).toEqual([
        ['64.41.200.250', 26],
      ]);
    });

    it('places sub-group hosts and keeps the glossary facts', async () => {
      const result = await collectFindings(
        await openScanReport(SAMPLE_REPORT),
        policy,
        '2019-08',
      );
      const alpha = result.units[0];
      const web = alpha.findings.filter((f) =>
        f.subgroups?.includes('sg-alpha--web'),
      );

      expect(web.map((f) => f.host.ip)).toEqual(Array(4).fill('64.41.200.246'));
      expect(result.vulnerabilities.get(90783)).toMatchObject({
        title:
          'Microsoft Windows Remote Desktop Protocol Remote Code Execution Vulnerability (MS12-020)',
        severity: 5,
        category: 'Windows',
      });
      expect(result.vulnerabilities.get(90783)!.cves).toEqual([
        'CVE-2012-0002',
        'CVE-2012-0152',
      ]);
    });
  },
);

describe('a scan report that is not one', () => {
  it.each([
    ['not XML', '<ASSET_DATA_REPORT><HOST_LIST>', /not well-formed|XML/],
    [
      'another root',
      '<SCAN_REPORT/>',
      /the root element is SCAN_REPORT, not ASSET_DATA_REPORT/,
    ],
    [
      'a Qualys error response',
      '<SIMPLE_RETURN><RESPONSE><CODE>1965</CODE><TEXT>Try later.</TEXT>' +
        '</RESPONSE></SIMPLE_RETURN>',
      /report\.xml: a Qualys error response \(1965: Try later\.\), not a scan report$/,
    ],
  ])('is refused when it is %s', async (_label, body, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vmgov-scan-'));
    const file = path.join(dir, 'report.xml');
    await writeFile(file, body);

    const opened = openScanReport(file);

    await expect(opened).rejects.toBeInstanceOf(InputError);
    await expect(opened).rejects.toThrow(message);
  });

  it('names the file that cannot be read', async () => {
    await expect(openScanReport('no-such-report.xml')).rejects.toThrow(
      'no-such-report.xml: cannot read the scan report',
    );
  });
});

describe.skipIf(FIXTURES_MISSING)(
  `a changed copy of the sample export (${MISSING_REASON} when skipped)`,
  () => {
    const SSL_TITLE =
      '<TITLE><![CDATA[SSL Certificate - Subject Common Name Does Not ' +
      'Match Server FQDN]]></TITLE>';
    const HOST = 'host 64.41.200.243';
    it.each<[string, (xml: string) => string, string]>([
      [
        'a QID that is not a number',
        (xml) => xml.replace('>82054</QID>', '>abc</QID>'),
        `${HOST}: VULN_INFO QID "abc"`,
      ],
      [
        'an unknown TYPE',
        (xml) => xml.replace('<TYPE>Vuln</TYPE>', '<TYPE>Bogus</TYPE>'),
        `${HOST}: QID 82054 has TYPE "Bogus", not Vuln, Practice or Ig`,
      ],
      [
        'no glossary',
        (xml) => xml.replace(/<GLOSSARY>[\s\S]*<\/GLOSSARY>/, ''),
        `${HOST}: QID 6 has no VULN_DETAILS in the GLOSSARY`,
      ],
      [
        'a glossary entry without SEVERITY',
        (xml) =>
          xml.replace(
            `${SSL_TITLE}\n        <SEVERITY>2</SEVERITY>`,
            SSL_TITLE,
          ),
        'QID 38170 has SEVERITY "" in the glossary, not 1 to 5',
      ],
      [
        'a FIRST_FOUND that is not a date',
        (xml) => xml.replace('>2019-07-31T21:57:48Z<', '>not-a-date<'),
        `${HOST}: QID 6 has FIRST_FOUND "not-a-date", not a date`,
      ],
      [
        'a VULN_STATUS Qualys does not write',
        (xml) =>
          xml.replace(
            '<VULN_STATUS>New</VULN_STATUS>',
            '<VULN_STATUS>NEW</VULN_STATUS>',
          ),
        `${HOST}: QID 82054 has no STATUS of New, Active, Re-Opened or Fixed`,
      ],
      [
        'a QID described twice in the glossary',
        (xml) => {
          const entry =
            /<VULN_DETAILS id="qid_38170">[\s\S]*?<\/VULN_DETAILS>/.exec(
              xml,
            )![0];
          return xml.replace(entry, `${entry}${entry}`);
        },
        'QID 38170 is described twice in the GLOSSARY',
      ],
      [
        'a host without IP',
        (xml) => xml.replace('<IP>64.41.200.243</IP>', ''),
        'host number 1 has no IP',
      ],
      [
        'an IP that is not an address',
        (xml) =>
          xml.replace('<IP>64.41.200.243</IP>', '<IP>999.41.200.243</IP>'),
        'host 999.41.200.243 has IP "999.41.200.243", not an address',
      ],
      [
        'a FIRST_FOUND on a day that does not exist',
        (xml) =>
          xml.replace('>2019-07-31T21:57:48Z<', '>2019-02-30T21:57:48Z<'),
        `${HOST}: QID 6 has FIRST_FOUND "2019-02-30T21:57:48Z", not a date`,
      ],
    ])('is refused for %s, naming the host', async (_l, edit, said) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vmgov-scan-'));
      const file = path.join(dir, 'changed.xml');
      const original = await readFile(SAMPLE_REPORT, 'utf8');
      const xml = edit(original);
      expect(xml).not.toBe(original);
      await writeFile(file, xml);

      const collected = openScanReport(file).then((source) =>
        collectFindings(source, policy, '2019-07'),
      );

      await expect(collected).rejects.toBeInstanceOf(InputError);
      await expect(collected).rejects.toThrow(`${file}: ${said}`);
    });
  },
);
