/**
 * Synthetic data for `npm run bench:report`: host list detection pages as
 * XML strings, made one page at a time from a seeded generator, a policy
 * of units that covers them, and KnowledgeBase facts for every QID.
 */
import { parseRange } from '../net/address.ts';
import { AddressSet } from '../net/address-set.ts';
import type { Vulnerability } from '../findings/model.ts';
import type { PolicyModel, Unit } from '../policy/model.ts';

export interface BenchShape {
  hosts: number;
  detectionsPerHost: number;
  hostsPerPage: number;
  units: number;
  qids: number;
}

const TYPES = ['Confirmed', 'Confirmed', 'Confirmed', 'Potential', 'Info'];
const STATUSES = ['New', 'Active', 'Active', 'Re-Opened', 'Fixed'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Host j lives in unit j % units, at offset j / units + 1 of its /24. */
export function hostAddress(j: number, units: number): string {
  const unit = j % units;
  const offset = Math.floor(j / units) + 1;
  return `10.${unit >> 8}.${unit & 255}.${offset}`;
}

function detection(pick: () => number, qids: number): string {
  const qid = 100000 + Math.floor(pick() * qids);
  const severity = 1 + Math.floor(pick() * 5);
  const type = TYPES[Math.floor(pick() * TYPES.length)];
  const status = STATUSES[Math.floor(pick() * STATUSES.length)];
  const day = 1 + Math.floor(pick() * 28);
  return (
    `<DETECTION><QID>${qid}</QID><TYPE>${type}</TYPE><SEVERITY>${severity}</SEVERITY>` +
    `<PORT>443</PORT><PROTOCOL>tcp</PROTOCOL><SSL>1</SSL>` +
    `<RESULTS><![CDATA[Banner: server/2.${qid % 10} on port 443]]></RESULTS>` +
    `<STATUS>${status}</STATUS><FIRST_FOUND_DATETIME>2026-09-${String(day).padStart(2, '0')}T03:00:00Z</FIRST_FOUND_DATETIME>` +
    `<LAST_FOUND_DATETIME>2026-10-30T03:00:00Z</LAST_FOUND_DATETIME><TIMES_FOUND>4</TIMES_FOUND>` +
    `<IS_IGNORED>0</IS_IGNORED><IS_DISABLED>0</IS_DISABLED></DETECTION>`
  );
}

/** One detection page as the API returns it. */
export function detectionPage(shape: BenchShape, page: number): string {
  const pick = random(page + 1);
  const first = page * shape.hostsPerPage;
  const last = Math.min(shape.hosts, first + shape.hostsPerPage);
  const hosts: string[] = [];
  for (let j = first; j < last; j += 1) {
    const detections: string[] = [];
    for (let k = 0; k < shape.detectionsPerHost; k += 1) {
      detections.push(detection(pick, shape.qids));
    }
    hosts.push(
      `<HOST><ID>${j + 1}</ID><IP>${hostAddress(j, shape.units)}</IP><TRACKING_METHOD>IP</TRACKING_METHOD>` +
        `<DNS><![CDATA[host-${j + 1}.example.edu]]></DNS><OS><![CDATA[Linux 5.x]]></OS>` +
        `<DETECTION_LIST>${detections.join('')}</DETECTION_LIST></HOST>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n<HOST_LIST_VM_DETECTION_OUTPUT><RESPONSE>' +
    `<DATETIME>2026-11-01T00:00:00Z</DATETIME><HOST_LIST>${hosts.join('')}</HOST_LIST>` +
    '</RESPONSE></HOST_LIST_VM_DETECTION_OUTPUT>\n'
  );
}

export function pageCount(shape: BenchShape): number {
  return Math.ceil(shape.hosts / shape.hostsPerPage);
}

/** KB facts with HTML text like the real KnowledgeBase's. */
export function benchKb(shape: BenchShape): Map<number, Vulnerability> {
  const kb = new Map<number, Vulnerability>();
  for (let i = 0; i < shape.qids; i += 1) {
    const qid = 100000 + i;
    kb.set(qid, {
      qid,
      title: `Example Server 2.${i % 10} Multiple Vulnerabilities (${qid})`,
      severity: 1 + (i % 5),
      category: 'Web server',
      threat: `Example Server before 2.${i % 10} allows <B>remote</B> attackers &quot;X&quot;.<P>See <A HREF="https://example.org/${qid}">advisory</A>.`,
      impact: 'Successful exploitation allows remote code execution.<P>',
      solution:
        'Upgrade to the latest version.<BR>Refer to the vendor advisory.',
      cves: [`CVE-2026-${String(i).padStart(4, '0')}`],
    });
  }
  return kb;
}

/** A policy with one unit per /24 the hosts live in. */
export function benchPolicy(base: PolicyModel, shape: BenchShape): PolicyModel {
  const at = { file: 'bench', line: 1, col: 1 };
  const units: Unit[] = [];
  for (let u = 0; u < shape.units; u += 1) {
    const text = `10.${u >> 8}.${u & 255}.0/24`;
    const id = `unit-${String(u).padStart(3, '0')}`;
    units.push({
      id,
      name: `Unit ${u}`,
      owners: [`@example/${id}`],
      contacts: {
        executive: [`head@${id}.example.edu`],
        sysadmin: [`it@${id}.example.edu`],
      },
      masterAssetGroups: [
        {
          title: `mg-${id}`,
          ranges: [{ ...parseRange(text), at }],
          set: AddressSet.parse([text]),
          scanner: 'bench',
          businessImpact: 'medium',
          lowIntensity: [],
          lowIntensitySet: AddressSet.empty(),
          subgroups: [],
          at,
        },
      ],
      file: `units/${id}.yaml`,
      at,
    });
  }
  return { ...base, units };
}
