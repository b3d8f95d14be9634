/**
 * Writes a small policy repository in a temporary folder: the program and
 * decision files of this repository, an address space and scanner for the
 * sample report's network, two units, and a generated CODEOWNERS.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { main } from '../../scripts/cli.ts';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
const COPIED = [
  'excluded-qids.yaml',
  'reclassifications.yaml',
  'never-ignore.yaml',
  'kb-snapshot.yaml',
];

const SCANNING = `option_profiles:
  default: ISO Official 3/4/5 (Site-wide)
  low_intensity: ISO 3/4/5 (special vsys Lower Intensity)
scanner_appliances:
  - name: iso-scanner-test
    area: The sample report's network
    serves:
      - 64.41.200.0/24
exclude_from_scan: []
`;

function unitYaml(
  id: string,
  name: string,
  ranges: string[],
  subgroup?: string,
): string {
  const sub = subgroup
    ? `    subgroups:\n      - name: web\n        ranges:\n          - ${subgroup}\n        sysadmin:\n          - web@${id}.example.edu\n`
    : '';
  return `id: ${id}
name: ${name}
owners:
  - "@example-org/${id}"
contacts:
  executive:
    - head@${id}.example.edu
  sysadmin:
    - admins@${id}.example.edu
master_asset_groups:
  - title: mg-${id}
    ranges:
${ranges.map((r) => `      - ${r}`).join('\n')}
    scanner: iso-scanner-test
    business_impact: medium
${sub}`;
}

/** Creates the repository and returns its root. */
export async function writePolicyRepo(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'vmgov-report-'));
  await mkdir(path.join(root, 'policy'));
  await mkdir(path.join(root, 'units'));
  for (const file of COPIED) {
    await cp(
      path.join(repoRoot, 'policy', file),
      path.join(root, 'policy', file),
    );
  }
  const program = await readFile(
    path.join(repoRoot, 'policy', 'program.yaml'),
    'utf8',
  );
  await writeFile(
    path.join(root, 'policy', 'program.yaml'),
    program.replace(
      /^address_space:\n/m,
      'address_space:\n  - 64.41.200.0/24\n',
    ),
  );
  await writeFile(path.join(root, 'policy', 'scanning.yaml'), SCANNING);
  await writeFile(
    path.join(root, 'units', 'alpha.yaml'),
    unitYaml(
      'alpha',
      'Alpha Department',
      ['64.41.200.243-64.41.200.246'],
      '64.41.200.246',
    ),
  );
  await writeFile(
    path.join(root, 'units', 'beta.yaml'),
    unitYaml('beta', 'Beta Institute', ['64.41.200.247-64.41.200.249']),
  );
  const code = await main(['--quiet', 'codeowners', '--root', root, '--write']);
  if (code !== 0) throw new Error(`codeowners --write exited ${code}`);
  return root;
}
