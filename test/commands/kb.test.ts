import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KB_REFRESH_BRANCH } from '../../scripts/commands/kb.ts';
import { loadPolicyOrThrow } from '../../scripts/policy/load.ts';
import { emptySimData, type SimKbVuln } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { copyPolicy } from '../governance/policy-copy.ts';
import {
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.ts';
import { runCli } from '../support/run-cli.ts';

const ENV_KEYS = [
  'VMGOV_TODAY',
  'GITHUB_TOKEN',
  'GITHUB_REPOSITORY',
  'GITHUB_API_URL',
  'QUALYS_PASSWORD',
] as const;

describe('vmgov kb refresh --pr', () => {
  let github: GitHubStandIn;
  let sim: RunningSimulator;
  let policy: { root: string; remove(): void };
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  function refresh(): ReturnType<typeof runCli> {
    return runCli([
      'kb',
      'refresh',
      '--pr',
      '--root',
      policy.root,
      '--qualys-url',
      sim.url,
      '--qualys-user',
      sim.username,
    ]);
  }

  function kbVuln(qid: number): SimKbVuln {
    return sim.data.kb.find((v) => v.qid === qid)!;
  }

  beforeAll(async () => {
    policy = copyPolicy();
    const model = await loadPolicyOrThrow(policy.root, { today: '2026-12-07' });
    const kb: SimKbVuln[] = [...model.kb.values()].map((f) => ({
      qid: f.qid,
      vulnType: f.vulnType,
      severity: f.severity,
      title: f.title,
      category: f.category,
      patchable: f.patchable,
      solution: f.solution,
      cves: [],
    }));
    sim = await startSimulator({ data: { ...emptySimData(), kb } });
    github = await startGitHubStandIn({
      files: { 'policy/kb-snapshot.yaml': 'vulns: []\n' },
    });
    Object.assign(process.env, {
      VMGOV_TODAY: '2026-12-07',
      GITHUB_TOKEN: github.token,
      GITHUB_REPOSITORY: github.repository,
      GITHUB_API_URL: github.url,
      QUALYS_PASSWORD: sim.password,
    });
  });

  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await github.close();
    await sim.close();
    policy.remove();
  });

  it('opens one pull request with the refreshed snapshot', async () => {
    kbVuln(70004).severity = 2;

    const run = await refresh();

    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'QID 70004: severity changed since the decision (was 3)',
    );
    const pulls = github.issues.filter(
      (i) => i.pull?.head === KB_REFRESH_BRANCH,
    );
    expect(pulls.map((p) => p.title)).toEqual(['KnowledgeBase refresh']);
    const onBranch = github.readFile(
      KB_REFRESH_BRANCH,
      'policy/kb-snapshot.yaml',
    )!;
    expect(onBranch).toBe(
      readFileSync(path.join(policy.root, 'policy/kb-snapshot.yaml'), 'utf8'),
    );
    expect(onBranch).toContain(
      '    changed:\n      - fact: severity\n        previous: 3\n        detected_on: 2026-12-07\n',
    );
  });

  it('updates the same pull request on the next refresh instead of opening another', async () => {
    process.env.VMGOV_TODAY = '2026-12-14';
    kbVuln(105459).title = 'EOL/Obsolete Software: SNMP v1/v2c Detected';

    const run = await refresh();

    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'KB refresh pull request number=1 action=updated',
    );
    const pulls = github.issues.filter(
      (i) => i.pull?.head === KB_REFRESH_BRANCH,
    );
    expect(pulls).toHaveLength(1);
    expect(pulls[0]?.body).toContain(
      '- QID 105459: title (was "EOL/Obsolete Software: SNMP Protocol Version Detected")',
    );
  });

  it('leaves the snapshot alone when nothing changed', async () => {
    const run = await refresh();

    expect(run.out).toBe('The KnowledgeBase snapshot is up to date.\n');
  });
});

describe('vmgov kb refresh --simulator', () => {
  it('shows what would change and leaves the real snapshot alone', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const file = path.join(root, 'policy', 'kb-snapshot.yaml');
    const before = await readFile(file, 'utf8');

    const run = await runCli(['kb', 'refresh', '--simulator', '--root', root]);

    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'policy/kb-snapshot.yaml left as it is: with --simulator the refresh ' +
        'only shows what it would change (11 QIDs, 0 changed facts).',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
