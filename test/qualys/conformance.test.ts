import { beforeAll, describe, expect, it } from 'vitest';

import { parseHostPage } from '../../scripts/qualys/parse-assets.ts';
import { parseDetectionPage } from '../../scripts/qualys/parse-detections.ts';
import { parseKbResponse } from '../../scripts/qualys/parse-kb.ts';
import type { DetectionHost, KbVuln } from '../../scripts/qualys/types.ts';
import { list, parseXml, type XmlNode } from '../../scripts/qualys/xml.ts';
import {
  fixture,
  fixturesMissing,
  MISSING_REASON,
} from './support/fixtures.ts';

// Vitest collects a skipped suite too, so files are read in beforeAll.
const title = fixturesMissing
  ? `skipped: ${MISSING_REASON}`
  : 'real Qualys outputs';

describe.skipIf(fixturesMissing)(title, () => {
  describe('detections.xml', () => {
    let page: { hosts: DetectionHost[]; nextUrl?: string };
    let host: DetectionHost | undefined;
    beforeAll(() => {
      page = parseDetectionPage(fixture('detections.xml'));
      host = page.hosts[0];
    });

    it('reads the one host with its ID as text', () => {
      expect(page.hosts).toHaveLength(1);
      expect(page.nextUrl).toBeUndefined();
      expect(host).toMatchObject({
        id: '6506432',
        ip: '10.10.10.11',
        os: 'Windows 2008 R2 Enterprise Service Pack1',
        dns: '2k8r2-u-10-11',
        netbios: '2K8R2-U-10-11',
        lastScanDatetime: '2018-04-13T03:49:05Z',
        lastVmScannedDate: '2018-04-13T03:48:50Z',
      });
    });

    it('reads every detection with QID, severity and flags', () => {
      expect(
        host!.detections.map((d) => [d.qid, d.type, d.severity, d.port]),
      ).toEqual([
        [38170, 'Confirmed', 2, 3389],
        [38173, 'Confirmed', 2, 3389],
        [38601, 'Confirmed', 2, 3389],
      ]);
      expect(host!.detections[0]).toEqual({
        uniqueVulnId: undefined,
        qid: 38170,
        type: 'Confirmed',
        severity: 2,
        port: 3389,
        protocol: 'tcp',
        ssl: true,
        results:
          'Certificate #0 CN=2k8r2-u-10-11(2k8r2-u-10-11) doesn&apos;tresolve',
        status: 'Active',
        firstFound: '2018-01-26T04:45:50Z',
        lastFound: '2018-04-13T03:48:50Z',
        timesFound: 111,
        isIgnored: false,
        isDisabled: false,
      });
    });

    it('keeps the line breaks inside CDATA and trims around it', () => {
      expect(host!.detections[1].results).toBe(
        'Certificate #0 CN=2k8r2-u-10-11\nunable to get local\nissuer certificate',
      );
      expect(host!.detections[2].results!.split('\n')).toEqual([
        'CIPHER KEY-EXCHANGE AUTHENTICATION',
        'MAC ENCRYPTION(KEY-STRENGTH)',
        'GRADE TLSv1 WITH RC4 CIPHERs IS SUPPORTED',
        'RC4-SHA RSA RSA SHA1 RC4(128) MEDIUM',
        'RC4-MD5 RSA RSA MD5 RC4(128) MEDIUM',
      ]);
    });
  });

  describe('kb_response.xml', () => {
    let vulns: KbVuln[];
    let nextUrl: string | undefined;
    let byQid: Map<number, KbVuln>;
    beforeAll(() => {
      ({ vulns, nextUrl } = parseKbResponse(fixture('kb_response.xml')));
      byQid = new Map(vulns.map((vuln) => [vuln.qid, vuln]));
    });

    it('reads all 42 QIDs and no next page', () => {
      expect(vulns).toHaveLength(42);
      expect(nextUrl).toBeUndefined();
      expect(vulns.filter((v) => v.vulnType === 'Vulnerability')).toHaveLength(
        11,
      );
      expect(vulns.filter((v) => v.patchable)).toHaveLength(5);
      expect(vulns.flatMap((v) => v.cves)).toHaveLength(6);
    });

    it.each([
      [6, 'Information Gathered', 1, 'DNS Host Name', false, []],
      [
        150001,
        'Vulnerability',
        5,
        'Reflected Cross-Site Scripting (XSS) Vulnerabilities',
        false,
        [],
      ],
      [150084, 'Potential Vulnerability', 1, 'Unencoded characters', false, []],
      [
        150272,
        'Potential Vulnerability',
        3,
        'PHP 7 Multiple Vulnerabilities',
        true,
        ['CVE-2019-11041', 'CVE-2019-11042'],
      ],
      [
        150400,
        'Potential Vulnerability',
        3,
        'Apache HTTP Server HTTP/2 Method injection (CVE-2021-33193)',
        true,
        ['CVE-2021-33193'],
      ],
    ])(
      'QID %i is a %s of severity %i',
      (qid, type, severity, title, patchable, cves) => {
        expect(byQid.get(qid)).toMatchObject({
          vulnType: type,
          severity,
          title,
          patchable,
          cves,
        });
      },
    );

    it('reads dates and the trimmed HTML texts', () => {
      const os = byQid.get(45017)!;
      expect(os.category).toBe('Information gathering');
      expect(os.publishedDatetime).toBe('2003-01-16T19:04:38Z');
      expect(os.lastServiceModificationDatetime).toBe('2022-10-17T18:12:12Z');
      expect(os.consequence).toBe('Not  applicable.');
      expect(os.diagnosis!.startsWith('Several different techniques')).toBe(
        true,
      );
      expect(os.diagnosis!.endsWith('for the operating system.')).toBe(true);
    });
  });

  it('reads host_ids_response.xml (RESPONSE with DATETIME only) as no hosts', () => {
    expect(parseHostPage(fixture('host_ids_response.xml'))).toEqual({
      hosts: [],
    });
  });

  it('reads Qualys_Sample_Report.xml with every repeated element as a list', () => {
    const { root, node } = parseXml(fixture('Qualys_Sample_Report.xml'));
    const hosts = list<XmlNode>((node['HOST_LIST'] as XmlNode)['HOST']);
    const infos = hosts.flatMap((host) =>
      list((host['VULN_INFO_LIST'] as XmlNode)['VULN_INFO']),
    );
    const glossary = (node['GLOSSARY'] as XmlNode)[
      'VULN_DETAILS_LIST'
    ] as XmlNode;

    expect(root).toBe('ASSET_DATA_REPORT');
    expect(hosts).toHaveLength(7);
    expect(infos).toHaveLength(301);
    expect(list(glossary['VULN_DETAILS'])).toHaveLength(93);
    expect(typeof hosts[0]['IP']).toBe('string');
  });
});
