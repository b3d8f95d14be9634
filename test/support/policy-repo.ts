/**
 * Small policy repositories written to a temporary folder, for tests of
 * anything that loads the policy. `writeRepo(files)` starts from a valid
 * two-unit repository and replaces or adds the given files (null deletes).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { renderCodeowners } from '../../scripts/policy/codeowners.ts';
import { loadPolicy } from '../../scripts/policy/load.ts';

export const PROGRAM = `organization: Example University
address_space:
  - 10.0.0.0/16
  - 2001:db8::/32
reports:
  confirmed_only: true
  severities: [3, 4, 5]
  send_day: 1
  sender: reports@example.edu
  executive_report: Executive - Confirmed 3/4/5
  sysadmin_report: SysAdmin - Confirmed 3/4/5
remediation_days:
  5: 7
  4: 7
  3: 90
purge:
  stale_after_days: 90
  max_hosts_per_run: 100
reclassification_criteria:
  allowed_moves:
    - from: 3
      to: 2
  information_disclosure_categories:
    - Information gathering
  segmentation_only_patterns:
    - '^(?![\\s\\S]*\\bpatch)[\\s\\S]*\\bfirewall'
sync:
  marker: vmgov:example/policy
  max_removed_addresses_per_unit: 256
  max_removed_addresses_total: 1024
  max_removed_share_of_group: 0.5
  apply_reclassifications_in_qualys: false
governance:
  team: "@example/governance"
  maintainers: "@example/maintainers"
  iso_recipients:
    - iso@example.edu
`;

export const KB = `vulns:
  - qid: 105459
    title: EOL/Obsolete Software Detected
    severity: 3
    category: Security Policy
    vuln_type: Vulnerability
    patchable: false
    solution: Upgrade to a supported version.
    unconfirmed: []
    source: test
  - qid: 45017
    title: Operating System Detected
    severity: 3
    category: Information gathering
    vuln_type: Information Gathered
    patchable: false
    solution: Block access with a firewall.
    unconfirmed: []
    source: test
  - qid: 38601
    title: SSL/TLS use of weak RC4 cipher
    severity: 3
    category: General remote services
    vuln_type: Vulnerability
    patchable: false
    solution: Disable RC4 ciphers.
    unconfirmed: []
    source: test
`;

export const EXCLUDED = `excluded_qids:
  - qid: 105459
    title: EOL/Obsolete Software Detected
    rationale: Reported through the software lifecycle program instead.
    decided_on: 2026-01-15
    decision: Governance meeting 2026-01-15, item 3
    review_by: 2027-01-15
`;

export const RECLASSIFICATIONS = `reclassifications:
  - qid: 45017
    title: Operating System Detected
    from: 3
    to: 2
    rationale: Information only; firewalling is the remedy.
    decided_on: 2026-02-01
    decision: Governance meeting 2026-02-01, item 1
    review_by: 2027-02-01
`;

export const NEVER_IGNORE = `never_ignore:
  - qid: 38601
    title: SSL/TLS use of weak RC4 cipher
    why: RC4 is broken; traffic can be decrypted.
`;

export const SCANNING = `option_profiles:
  default: Default profile
  low_intensity: Low intensity profile
scanner_appliances:
  - name: scanner-a
    area: North campus
    serves:
      - 10.0.0.0/17
      - 2001:db8::/33
  - name: scanner-b
    area: South campus
    serves:
      - 10.0.128.0/17
exclude_from_scan:
  - ranges:
      - 10.0.1.7
    unit: alpha
    reason: Building controller drops its sessions during any scan.
    ticket: INC0001234
    added_on: 2026-03-01
    review_by: 2027-03-01
`;

export const ALPHA = `id: alpha
name: Alpha School
owners:
  - "@example/alpha-it"
contacts:
  executive:
    - alpha-dean@example.edu
  sysadmin:
    - alpha-it@example.edu
master_asset_groups:
  - title: mg-alpha
    ranges:
      - 10.0.1.0/24
      - 2001:db8::/64
    scanner: scanner-a
    business_impact: high
    low_intensity:
      - 10.0.1.200-10.0.1.210
    subgroups:
      - name: lab
        ranges:
          - 10.0.1.64/26
        sysadmin:
          - alpha-lab@example.edu
`;

export const BETA = `id: beta
name: Beta Library
owners:
  - "@example/beta-it"
contacts:
  executive:
    - beta-head@example.edu
  sysadmin:
    - beta-it@example.edu
master_asset_groups:
  - title: mg-beta
    ranges:
      - 10.0.200.0/24
    scanner: scanner-b
    business_impact: medium
`;

export const BASE_FILES: Record<string, string> = {
  'policy/program.yaml': PROGRAM,
  'policy/kb-snapshot.yaml': KB,
  'policy/excluded-qids.yaml': EXCLUDED,
  'policy/reclassifications.yaml': RECLASSIFICATIONS,
  'policy/never-ignore.yaml': NEVER_IGNORE,
  'policy/scanning.yaml': SCANNING,
  'units/alpha.yaml': ALPHA,
  'units/beta.yaml': BETA,
};

/** The date the base repository is valid on, for the date rules. */
export const TODAY = '2026-12-03';

const made: string[] = [];

/**
 * Writes the base repository with `files` replacing or adding entries
 * (content null removes one). With `codeowners`, the generated CODEOWNERS
 * is written too, so only the changes under test produce problems.
 */
export async function writeRepo(
  files: Record<string, string | Uint8Array | null> = {},
  options: { codeowners?: boolean; base?: boolean } = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vmgov-policy-'));
  made.push(root);
  const all = { ...(options.base === false ? {} : BASE_FILES), ...files };
  for (const [file, content] of Object.entries(all)) {
    if (content === null) continue;
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), content);
  }
  if (options.codeowners !== false) {
    const { model } = await loadPolicy(root, { today: TODAY });
    if (model) await writeCodeowners(root, renderCodeowners(model));
  }
  return root;
}

async function writeCodeowners(root: string, text: string): Promise<void> {
  await mkdir(join(root, '.github'), { recursive: true });
  await writeFile(join(root, '.github', 'CODEOWNERS'), text);
}

/** Removes every repository written so far (call from afterAll). */
export async function removeRepos(): Promise<void> {
  await Promise.all(
    made.splice(0).map((root) => rm(root, { recursive: true, force: true })),
  );
}
