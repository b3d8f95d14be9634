/* eslint-disable @typescript-eslint/no-unsafe-return -- parsed XML is untyped in assertions */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptySimData } from '../../scripts/simulator/data.ts';
import { loadKbFromXml } from '../../scripts/simulator/kb-xml.ts';
import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import {
  call,
  PATHS,
  simple,
  start,
  type Answer,
  type XmlTree,
} from './support.ts';

const FIXTURES = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'qualys-public',
);
const KB_FILE = path.join(FIXTURES, 'kb_response.xml');
const missing = !existsSync(KB_FILE);

function vulns(answer: Answer): XmlTree[] {
  return (
    answer.xml['KNOWLEDGE_BASE_VULN_LIST_OUTPUT']['RESPONSE']['VULN_LIST']?.[
      'VULN'
    ] ?? []
  );
}

describe.skipIf(missing)(
  'simulator KnowledgeBase from the real kb_response.xml (skipped when ../shared/fixtures/qualys-public is missing)',
  () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      const data = emptySimData();
      data.kb = await loadKbFromXml(KB_FILE);
      sim = await start({ data });
    });
    afterAll(() => sim.close());

    it('loads the 42 QIDs with their types', () => {
      const types: Record<string, number> = {};
      for (const v of sim.data.kb)
        types[v.vulnType] = (types[v.vulnType] ?? 0) + 1;
      expect(sim.data.kb).toHaveLength(42);
      expect(types).toEqual({
        'Information Gathered': 25,
        'Potential Vulnerability': 6,
        Vulnerability: 11,
      });
    });

    it('answers details=None with an ID_SET', async () => {
      const answer = await call(sim, PATHS.kb, {
        action: 'list',
        details: 'None',
        ids: '1-45100',
      });
      expect(
        answer.xml['KNOWLEDGE_BASE_VULN_LIST_OUTPUT']['RESPONSE']['ID_SET'][
          'ID'
        ],
      ).toEqual(['6', '45017', '45038']);
    });

    it('answers details=Basic without the descriptive texts', async () => {
      const answer = await call(sim, PATHS.kb, {
        action: 'list',
        ids: '150272',
      });
      expect(vulns(answer)[0]).toEqual({
        QID: '150272',
        VULN_TYPE: 'Potential Vulnerability',
        SEVERITY_LEVEL: '3',
        TITLE: 'PHP 7 Multiple Vulnerabilities',
        CATEGORY: 'Web Application',
        LAST_SERVICE_MODIFICATION_DATETIME: '2019-12-27T11:59:09Z',
        PUBLISHED_DATETIME: '2019-12-27T11:59:09Z',
        PATCHABLE: '1',
        CVE_LIST: {
          CVE: [
            {
              ID: 'CVE-2019-11041',
              URL: 'http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2019-11041',
            },
            {
              ID: 'CVE-2019-11042',
              URL: 'http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2019-11042',
            },
          ],
        },
        DISCOVERY: { REMOTE: '1' },
      });
    });

    it('answers details=All with the HTML texts in CDATA', async () => {
      const answer = await call(sim, PATHS.kb, {
        action: 'list',
        ids: '150272',
        details: 'All',
      });
      const [vuln] = vulns(answer);
      expect(vuln['CONSEQUENCE']).toBe(
        'Successful exploitation of this vulnerability allows a remote attacker to access the sensitive information.',
      );
      expect(vuln['SOLUTION']).toMatch(
        /^Customers are advised to upgrade to the latest version of <A HREF="http:\/\/www.php.net\/"/,
      );
      expect(answer.text).toContain('<SOLUTION><![CDATA[Customers are advised');
    });

    it.each([
      [{ ids: '150000-150100' }, 11],
      [{ id_min: '150400' }, 4],
      [{ is_patchable: '1' }, 5],
      [{ ids: '1' }, 0],
    ])('selects %o: %i QIDs', async (params, count) => {
      const answer = await call(sim, PATHS.kb, { action: 'list', ...params });
      expect(vulns(answer)).toHaveLength(count);
    });

    it.each([
      [
        { action: 'list', details: 'Some' },
        '1905',
        'parameter details has invalid value: Some',
      ],
      [
        { action: 'edit', qid: '42' },
        '1905',
        'parameter qid has invalid value: 42',
      ],
      [
        { action: 'edit', qid: '6', severity: '9' },
        '1905',
        'parameter severity has invalid value: 9',
      ],
      [{ action: 'reset' }, '1903', 'Missing required parameter(s): qid'],
      [
        { action: 'custom', qid: '6' },
        '1901',
        'Unrecognized parameter(s): qid',
      ],
    ])('refuses %o', async (params, code, text) => {
      expect(simple(await call(sim, PATHS.kb, params))).toEqual({
        code,
        text,
        items: {},
      });
    });
  },
);
