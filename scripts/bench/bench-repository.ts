/**
 * Writes a large, valid policy repository for the validate benchmark: units
 * with a /20 each in 10.0.0.0/8 and a /48 each in fd00::/8, scanners by /12,
 * and exclusions, reclassifications, never-ignore and scan exclusions.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { stringify } from 'yaml';

export interface BenchSize {
  units: number;
  /** Decisions in all: exclusions, reclassifications, never-ignore, scan. */
  policyEntries: number;
}

/** Ranges per unit: two master groups of ten. */
export const RANGES_PER_UNIT = 20;

const DECIDED = { decided_on: '2026-01-15', review_by: '2099-01-15' };
const SEGMENTATION_ONLY =
  'This port should not be accessible to external networks.';

function base(unit: number): string {
  return `10.${unit >> 4}.${(unit & 15) << 4}`;
}

function octet(unit: number, offset: number): string {
  const [a, b, c] = base(unit).split('.').map(Number);
  return `${a}.${b}.${c + offset}`;
}

function scannerOf(unit: number): number {
  return unit >> 8;
}

function unitId(unit: number): string {
  return `u${String(unit).padStart(4, '0')}`;
}

function unitDocument(unit: number): object {
  const s = scannerOf(unit);
  const v6 = `fd${s.toString(16).padStart(2, '0')}:${unit.toString(16)}::/48`;
  const groupA = [
    ...[0, 1, 2, 3, 4].map((o) => `${octet(unit, o)}.0/24`),
    `${octet(unit, 5)}.1`,
    `${octet(unit, 5)}.2`,
    `${octet(unit, 6)}.10-${octet(unit, 6)}.200`,
    `${octet(unit, 7)}.0/25`,
    v6,
  ];
  const groupB = [
    ...[8, 9, 10, 11, 12].map((o) => `${octet(unit, o)}.0/24`),
    ...[1, 2, 3].map((h) => `${octet(unit, 13)}.${h}`),
    `${octet(unit, 14)}.1-${octet(unit, 14)}.100`,
    `${octet(unit, 15)}.0/25`,
  ];
  const id = unitId(unit);
  return {
    id,
    name: `Bench unit ${unit}`,
    owners: [`@bench-units/${id}`],
    contacts: {
      executive: [`${id}-head@example.edu`],
      sysadmin: [`${id}-it@example.edu`],
    },
    master_asset_groups: [
      {
        title: `mg-${id}-a`,
        ranges: groupA,
        scanner: `bench-scanner-${s}`,
        business_impact: 'medium',
        low_intensity: [`${octet(unit, 6)}.10-${octet(unit, 6)}.20`],
      },
      {
        title: `mg-${id}-b`,
        ranges: groupB,
        scanner: `bench-scanner-${s}`,
        business_impact: 'high',
        subgroups: [
          {
            name: 'lab',
            ranges: [`${octet(unit, 8)}.0/24`],
            sysadmin: [`${id}-lab@example.edu`],
          },
        ],
      },
    ],
  };
}

function kbEntry(qid: number, severity: number, solution: string): object {
  return {
    qid,
    title: `Bench QID ${qid}`,
    severity,
    category: 'Information gathering',
    vuln_type: 'Vulnerability',
    patchable: false,
    solution,
    unconfirmed: [],
    source: 'generated for the benchmark',
  };
}

function policyDocuments(size: BenchSize): Record<string, object> {
  const quarter = Math.floor(size.policyEntries / 4);
  const qids = (from: number) =>
    Array.from({ length: quarter }, (_, i) => from + i);
  const excluded = qids(100_001).map((qid) => ({
    qid,
    title: `Bench QID ${qid}`,
    rationale: 'Generated exclusion for the validate benchmark.',
    ...DECIDED,
    decision: `Bench governance item ${qid}`,
  }));
  const reclassified = qids(200_001).map((qid) => ({
    qid,
    title: `Bench QID ${qid}`,
    from: 3,
    to: 2,
    rationale: 'Generated reclassification for the validate benchmark.',
    ...DECIDED,
    decision: `Bench governance item ${qid}`,
  }));
  const neverIgnore = qids(300_001).map((qid) => ({
    qid,
    title: `Bench QID ${qid}`,
    why: 'Generated never-ignore entry for the benchmark.',
  }));
  const scanners = Math.ceil(size.units / 256);
  return {
    'excluded-qids': { excluded_qids: excluded },
    reclassifications: { reclassifications: reclassified },
    'never-ignore': { never_ignore: neverIgnore },
    'kb-snapshot': {
      vulns: [
        ...excluded.map((e) => kbEntry(e.qid, 3, 'Apply the vendor patch.')),
        ...reclassified.map((e) => kbEntry(e.qid, 3, SEGMENTATION_ONLY)),
        ...neverIgnore.map((e) => kbEntry(e.qid, 3, 'Disable weak ciphers.')),
      ],
    },
    scanning: {
      option_profiles: {
        default: 'ISO Official 3/4/5 (Site-wide)',
        low_intensity: 'ISO 3/4/5 (special vsys Lower Intensity)',
      },
      scanner_appliances: Array.from({ length: scanners }, (_, s) => ({
        name: `bench-scanner-${s}`,
        area: `Bench area ${s}`,
        serves: [
          `10.${s * 16}.0.0/12`,
          `fd${s.toString(16).padStart(2, '0')}::/16`,
        ],
      })),
      exclude_from_scan: Array.from({ length: quarter }, (_, i) => {
        const unit = i % size.units;
        return {
          ranges: [`${octet(unit, 0)}.5`],
          unit: unitId(unit),
          reason: 'Generated scan exclusion for the benchmark.',
          ticket: `INC${String(i).padStart(7, '0')}`,
          added_on: DECIDED.decided_on,
          review_by: DECIDED.review_by,
        };
      }),
    },
  };
}

function programDocument(): object {
  return {
    organization: 'Bench University',
    address_space: ['10.0.0.0/8', 'fd00::/8'],
    reports: {
      confirmed_only: true,
      severities: [3, 4, 5],
      send_day: 1,
      sender: 'bench-reports@example.edu',
      executive_report: 'Bench Executive',
      sysadmin_report: 'Bench SysAdmin',
    },
    remediation_days: { 5: 7, 4: 7, 3: 90 },
    purge: { stale_after_days: 90, max_hosts_per_run: 500 },
    reclassification_criteria: {
      allowed_moves: [{ from: 3, to: 2 }],
      information_disclosure_categories: ['Information gathering'],
      segmentation_only_patterns: ['should not be\\s+accessible'],
    },
    sync: {
      marker: 'vmgov:bench/bench',
      max_removed_addresses_per_unit: 4096,
      max_removed_addresses_total: 16384,
      max_removed_share_of_group: 0.25,
      apply_reclassifications_in_qualys: false,
    },
    governance: {
      team: '@bench/governance',
      maintainers: '@bench/maintainers',
      iso_recipients: ['bench-iso@example.edu'],
    },
  };
}

/** Writes the repository under `root`; returns the YAML files written. */
export async function writeBenchRepository(
  root: string,
  size: BenchSize,
): Promise<string[]> {
  await mkdir(join(root, 'policy'), { recursive: true });
  await mkdir(join(root, 'units'), { recursive: true });
  const files: Record<string, object> = {
    'policy/program.yaml': programDocument(),
  };
  for (const [kind, doc] of Object.entries(policyDocuments(size))) {
    files[`policy/${kind}.yaml`] = doc;
  }
  for (let unit = 0; unit < size.units; unit++) {
    files[`units/${unitId(unit)}.yaml`] = unitDocument(unit);
  }

  const paths = Object.keys(files);
  await Promise.all(
    paths.map((path) => writeFile(join(root, path), stringify(files[path]))),
  );
  return paths;
}
