/**
 * KnowledgeBase entries for generated data: the repository's own facts
 * where it records them, and a fixed pool of plausible entries covering
 * every severity and type (confirmed, potential, information gathered),
 * with HTML in the descriptive texts as Qualys writes them.
 */
import type { SimKbVuln } from './data.ts';
import type { SeedKbFact } from './layout.ts';

interface PoolEntry {
  qid: number;
  vulnType:
    'Vulnerability' | 'Potential Vulnerability' | 'Information Gathered';
  severity: number;
  title: string;
  category: string;
}

/** The pool QID the generated subscription has disabled in its KnowledgeBase. */
export const DISABLED_QID = 990001;

const V = 'Vulnerability';
const P = 'Potential Vulnerability';
const I = 'Information Gathered';

/** Synthetic QIDs in a block Qualys does not use, so they never clash. */
export const POOL: readonly PoolEntry[] = [
  {
    qid: 990001,
    vulnType: V,
    severity: 1,
    title: 'Web Server HTTP Trace/Track Method Support',
    category: 'Web server',
  },
  {
    qid: 990002,
    vulnType: V,
    severity: 2,
    title: 'SSL Certificate - Self-Signed Certificate',
    category: 'General remote services',
  },
  {
    qid: 990003,
    vulnType: V,
    severity: 3,
    title: 'OpenSSH Multiple Vulnerabilities',
    category: 'General remote services',
  },
  {
    qid: 990004,
    vulnType: V,
    severity: 4,
    title: 'Apache HTTP Server Multiple Vulnerabilities',
    category: 'Web server',
  },
  {
    qid: 990005,
    vulnType: V,
    severity: 5,
    title: 'Microsoft Windows Remote Code Execution Vulnerability',
    category: 'Windows',
  },
  {
    qid: 990006,
    vulnType: V,
    severity: 3,
    title: 'PHP Multiple Vulnerabilities',
    category: 'Web server',
  },
  {
    qid: 990007,
    vulnType: V,
    severity: 4,
    title: 'Oracle Java SE Critical Patch Update',
    category: 'Local',
  },
  {
    qid: 990008,
    vulnType: V,
    severity: 5,
    title: 'EOL/Obsolete Operating System: Windows Server 2008',
    category: 'Security Policy',
  },
  {
    qid: 990011,
    vulnType: P,
    severity: 2,
    title: 'Web Server Version Disclosure',
    category: 'Web server',
  },
  {
    qid: 990012,
    vulnType: P,
    severity: 3,
    title: 'nginx HTTP Server Multiple Vulnerabilities',
    category: 'Web server',
  },
  {
    qid: 990013,
    vulnType: P,
    severity: 4,
    title: 'Samba Multiple Vulnerabilities',
    category: 'SMB / NETBIOS',
  },
  {
    qid: 990014,
    vulnType: P,
    severity: 5,
    title: 'OpenSSL Buffer Overflow Vulnerability',
    category: 'General remote services',
  },
  {
    qid: 990021,
    vulnType: I,
    severity: 1,
    title: 'Host Scan Time',
    category: 'Information gathering',
  },
  {
    qid: 990022,
    vulnType: I,
    severity: 2,
    title: 'Operating System Detected',
    category: 'Information gathering',
  },
  {
    qid: 990023,
    vulnType: I,
    severity: 3,
    title: 'Open TCP Services List',
    category: 'Information gathering',
  },
];

export function typeOfVuln(
  vulnType: string,
): 'Confirmed' | 'Potential' | 'Info' {
  if (vulnType === 'Information Gathered') return 'Info';
  if (vulnType === 'Potential Vulnerability') return 'Potential';
  return 'Confirmed';
}

export function kbFromPool(entry: PoolEntry): SimKbVuln {
  return {
    qid: entry.qid,
    vulnType: entry.vulnType,
    severity: entry.severity,
    title: entry.title,
    category: entry.category,
    patchable: entry.vulnType !== 'Information Gathered',
    diagnosis: `<P>${entry.title} was detected on the host.<BR>The check compares the version the service reports with the fixed release.</P>`,
    consequence:
      '<P>An attacker could use this weakness to <B>read or change data</B> on the host.</P>',
    solution:
      '<P>Apply the vendor update. See <A HREF="https://example.edu/patches" TARGET="_blank">the patch notes</A>.</P>',
    cves:
      entry.severity >= 3 && entry.vulnType !== 'Information Gathered'
        ? [`CVE-2026-${entry.qid % 100000}`]
        : [],
    publishedDatetime: '2025-06-01T00:00:00Z',
    lastServiceModificationDatetime: '2026-06-01T00:00:00Z',
  };
}

export function kbFromFact(fact: SeedKbFact): SimKbVuln {
  return {
    qid: fact.qid,
    vulnType: fact.vulnType,
    severity: fact.severity,
    title: fact.title,
    category: fact.category,
    patchable: fact.patchable,
    diagnosis: `<P>${fact.title}.</P>`,
    consequence: '<P>See the vendor advisory for the impact.</P>',
    solution: fact.solution.includes('<')
      ? fact.solution
      : `<P>${fact.solution}</P>`,
    cves: [],
    publishedDatetime: '2020-01-01T00:00:00Z',
    lastServiceModificationDatetime: '2026-01-01T00:00:00Z',
  };
}

/** A plausible entry for a QID the policy names but the snapshot lacks. */
export function kbForUnknown(qid: number): SimKbVuln {
  return kbFromPool({
    qid,
    vulnType: V,
    severity: 3,
    title: `Vulnerability QID ${qid}`,
    category: 'General remote services',
  });
}
