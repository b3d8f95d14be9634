/**
 * Test helpers: a simulator with known credentials, a raw HTTP call with
 * fetch (not the project's client, so the simulator is checked against
 * the documentation on its own), and a plain XML reading of the answer.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { SimData } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../scripts/simulator/server.ts';

export const USER = 'tester';
export const PASSWORD = 'test-password';
export const NOW = new Date('2026-11-15T12:00:00Z');

export function start(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  return startSimulator({
    username: USER,
    password: PASSWORD,
    now: () => NOW,
    ...options,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk parsed XML by element name
export type XmlTree = Record<string, any>;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed document, keyed by root element name. */
  xml: XmlTree;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name, jpath) =>
    /(ID_SET\.ID|IP_SET\.IP|IP_SET\.IP_RANGE)$/.test(String(jpath)) ||
    [
      'HOST',
      'DETECTION',
      'ASSET_GROUP',
      'VULN',
      'ITEM',
      'APPLIANCE',
      'OPTION_PROFILE',
      'CVE',
      'IGNORED',
      'RESTORED',
    ].includes(name),
});

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT';
  auth?: string | null;
  requestedWith?: string | null;
}

export async function call(
  sim: RunningSimulator,
  path: string,
  params: Record<string, string>,
  options: CallOptions = {},
): Promise<Answer> {
  const method = options.method ?? 'POST';
  const form = new URLSearchParams(params).toString();
  const headers: Record<string, string> = {};
  const auth =
    options.auth === undefined ? `${USER}:${PASSWORD}` : options.auth;
  if (auth !== null)
    headers['Authorization'] = `Basic ${Buffer.from(auth).toString('base64')}`;
  if (options.requestedWith !== null)
    headers['X-Requested-With'] = options.requestedWith ?? 'vitest';
  const url =
    method === 'POST' ? `${sim.url}${path}` : `${sim.url}${path}?${form}`;
  if (method === 'POST')
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const res = await fetch(url, {
    method,
    headers,
    body: method === 'POST' ? form : undefined,
  });
  const text = await res.text();
  const valid = XMLValidator.validate(text) === true;
  return {
    status: res.status,
    headers: res.headers,
    text,
    xml: valid ? (parser.parse(text) as XmlTree) : {},
  };
}

export async function getUrl(url: string): Promise<Answer> {
  const res = await fetch(url, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
      'X-Requested-With': 'vitest',
    },
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    xml: parser.parse(text) as XmlTree,
  };
}

/** CODE and TEXT of a SIMPLE_RETURN answer. */
export function simple(answer: Answer): {
  code?: string;
  text: string;
  items: Record<string, string>;
} {
  const response = answer.xml['SIMPLE_RETURN']?.['RESPONSE'] ?? {};
  const items: Record<string, string> = {};
  for (const item of response['ITEM_LIST']?.['ITEM'] ?? [])
    items[item['KEY']] = String(item['VALUE']);
  return { code: response['CODE'], text: response['TEXT'], items };
}

export const PATHS = {
  group: '/api/2.0/fo/asset/group/',
  host: '/api/2.0/fo/asset/host/',
  detection: '/api/2.0/fo/asset/host/vm/detection/',
  kb: '/api/2.0/fo/knowledge_base/vuln/',
  excluded: '/api/2.0/fo/asset/excluded_ip/',
  appliance: '/api/2.0/fo/appliance/',
  profile: '/api/2.0/fo/subscription/option_profile/vm/',
  ignore: '/api/2.0/fo/ignore_vuln/index.php',
} as const;

/** A small dataset written by hand, for tests that check exact answers. */
export function smallData(): SimData {
  const det = (
    n: number,
    qid: number,
    extra: Partial<SimData['hosts'][0]['detections'][0]> = {},
  ) => ({
    uniqueVulnId: String(7_000_000_000 + n),
    qid,
    type: 'Confirmed' as const,
    severity: 3,
    port: 443,
    protocol: 'tcp',
    ssl: true,
    results: 'Banner <Apache> & ]]> end',
    status: 'Active' as const,
    firstFound: '2026-01-10T00:00:00Z',
    lastFound: '2026-11-10T00:00:00Z',
    timesFound: 4,
    isIgnored: false,
    isDisabled: false,
    ...extra,
  });
  const host = (
    id: string,
    ip: string,
    scanned: string,
    detections: ReturnType<typeof det>[],
  ) => ({
    id,
    ip,
    trackingMethod: 'IP',
    dns: `h${id}.example.edu`,
    os: 'Linux',
    lastScanDatetime: scanned,
    lastVmScannedDate: scanned,
    detections,
  });
  return {
    hosts: [
      host('103', '10.0.0.3', '2026-11-10T00:00:00Z', [
        det(1, 38170),
        det(2, 38173, { status: 'Fixed' }),
        det(3, 38601, { isIgnored: true, severity: 2 }),
      ]),
      host('101', '10.0.0.1', '2026-11-01T00:00:00Z', [
        det(4, 38170, { severity: 5 }),
        det(5, 6, { type: 'Info', severity: 1 }),
      ]),
      host('102', '10.0.1.2', '2026-06-01T00:00:00Z', [
        det(6, 45017, { type: 'Potential', severity: 4 }),
      ]),
      host('104', '10.0.1.4', '2026-11-12T00:00:00Z', []),
    ],
    kb: [
      {
        qid: 6,
        vulnType: 'Information Gathered',
        severity: 1,
        title: 'DNS Host Name',
        patchable: false,
        cves: [],
      },
      {
        qid: 38170,
        vulnType: 'Vulnerability',
        severity: 3,
        title:
          'SSL Certificate - Subject Common Name Does Not Match Server FQDN',
        patchable: false,
        cves: [],
        diagnosis: '<P>diag</P>',
        consequence: 'cons',
        solution: 'sol',
      },
      {
        qid: 38173,
        vulnType: 'Vulnerability',
        severity: 3,
        title: 'SSL Certificate - Signature Verification Failed Vulnerability',
        patchable: false,
        cves: ['CVE-2026-0001'],
      },
      {
        qid: 38601,
        vulnType: 'Vulnerability',
        severity: 2,
        title: 'SSL/TLS use of weak RC4 cipher',
        patchable: true,
        cves: [],
      },
      {
        qid: 45017,
        vulnType: 'Information Gathered',
        severity: 2,
        title: 'Operating System Detected',
        patchable: false,
        cves: [],
      },
    ],
    assetGroups: [
      {
        id: '2001',
        title: 'Hand made',
        ips: ['10.0.0.1-10.0.0.3'],
        applianceIds: ['11'],
        comments: 'made in the UI',
        ownerUserId: '9',
        lastUpdate: '2026-01-01T00:00:00Z',
      },
    ],
    excludedIps: [],
    appliances: [
      { id: '11', name: 'scanner-main', status: 'Online' },
      { id: '12', name: 'scanner-med', status: 'Offline' },
    ],
    optionProfiles: [
      { id: '501', title: 'ISO Official 3/4/5 (Site-wide)', isDefault: true },
      {
        id: '502',
        title: 'ISO 3/4/5 (special vsys Lower Intensity)',
        isDefault: false,
      },
    ],
    customizedKb: [],
    purgeQueue: [],
  };
}
