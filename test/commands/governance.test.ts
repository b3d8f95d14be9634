import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyPolicy, REPO_ROOT } from '../governance/policy-copy.ts';
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
] as const;

describe('vmgov governance expiries --github', () => {
  let github: GitHubStandIn;
  let policy: { root: string; remove(): void };
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    policy = copyPolicy();
    github = await startGitHubStandIn({
      files: {
        'policy/excluded-qids.yaml': readFileSync(
          path.join(policy.root, 'policy/excluded-qids.yaml'),
          'utf8',
        ),
      },
    });
    Object.assign(process.env, {
      VMGOV_TODAY: '2027-02-15',
      GITHUB_TOKEN: github.token,
      GITHUB_REPOSITORY: github.repository,
      GITHUB_API_URL: github.url,
    });
  });

  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await github.close();
    policy.remove();
  });

  it('opens one issue and one pull request removing exactly the expired entries', async () => {
    const run = await runCli([
      'governance',
      'expiries',
      '--github',
      '--root',
      policy.root,
    ]);

    expect(run.err).toBe(
      'removal pull request number=1 action=created\nreview issue number=2 action=created\n',
    );
    expect(run.code).toBe(0);
    const pulls = github.issues.filter((i) => i.pull);
    const issues = github.issues.filter((i) => !i.pull);
    expect(pulls.map((p) => [p.title, p.pull?.head])).toEqual([
      ['Remove expired governance decisions', 'vmgov/remove-expired-decisions'],
    ]);
    expect(issues.map((i) => i.title)).toEqual([
      'Governance decisions due for review',
    ]);
    expect(issues[0]?.body).toContain(
      '- [ ] QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability: expired 2027-02-11, policy/excluded-qids.yaml:22',
    );

    const edited = github.readFile(
      'vmgov/remove-expired-decisions',
      'policy/excluded-qids.yaml',
    )!;
    const original = readFileSync(
      path.join(policy.root, 'policy/excluded-qids.yaml'),
      'utf8',
    );
    expect(edited).not.toMatch(/qid: (68521|66040)/);
    // Everything else, the header comments included, is byte for byte the same.
    expect(edited).toBe(original.split('\n').slice(0, 21).join('\n'));
  });

  it('updates the same issue and pull request on the next run', async () => {
    const run = await runCli([
      'governance',
      'expiries',
      '--github',
      '--root',
      policy.root,
    ]);

    expect(run.code).toBe(0);
    expect(github.issues.filter((i) => i.pull)).toHaveLength(1);
    expect(github.issues.filter((i) => !i.pull)).toHaveLength(1);
  });
});

describe('vmgov governance agenda --github', () => {
  let github: GitHubStandIn;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    github = await startGitHubStandIn();
    github.addIssue({
      title: 'Exclusion request: QID 43393',
      labels: ['exclusion-request'],
    });
    github.addIssue({
      title: 'Scan disruption: scoreboard',
      labels: ['scan-disruption'],
    });
    github.addIssue({
      title: 'Old request',
      labels: ['exclusion-request'],
      state: 'closed',
    });
    github.addIssue({ title: 'Unrelated bug', labels: ['bug'] });
    Object.assign(process.env, {
      VMGOV_TODAY: '2027-01-20',
      GITHUB_TOKEN: github.token,
      GITHUB_REPOSITORY: github.repository,
      GITHUB_API_URL: github.url,
    });
  });

  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await github.close();
  });

  it('lists the open requests and the decisions due for review', async () => {
    const run = await runCli([
      'governance',
      'agenda',
      '--github',
      '--root',
      REPO_ROOT,
    ]);

    expect(run.code).toBe(0);
    expect(run.out.replace(/ http\S+/g, '')).toBe(
      [
        '# Qualys governance agenda, 2027-01-20',
        '',
        '## Open requests',
        '',
        '- #1 Exclusion request: QID 43393 (exclusion-request)',
        '- #2 Scan disruption: scoreboard (scan-disruption)',
        '',
        '## Decisions due for review',
        '',
        '- QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability: review by 2027-02-11 (in 22 days), policy/excluded-qids.yaml:22',
        '- QID 66040 Statd Format Bug Vulnerability: review by 2027-02-11 (in 22 days), policy/excluded-qids.yaml:32',
        '',
      ].join('\n'),
    );
  });
});

describe('vmgov governance page', () => {
  it('writes every decision of this repository to the Markdown and HTML page', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'vmgov-page-'));
    const run = await runCli([
      'governance',
      'page',
      '--root',
      REPO_ROOT,
      '--out',
      out,
    ]);
    const markdown = readFileSync(path.join(out, 'governance.md'), 'utf8');
    const html = readFileSync(path.join(out, 'governance.html'), 'utf8');
    rmSync(out, { recursive: true, force: true });

    expect(run.code).toBe(0);
    const rows = markdown.split('\n').filter((l) => /^\| (QID|\d)/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual([
      '| QID 105459 EOL/Obsolete Software: SNMP Protocol Version Detected',
      '| QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability',
      '| QID 66040 Statd Format Bug Vulnerability',
      '| QID 70004 NetBIOS Bindings Information (severity 3 → 2)',
      '| 171.65.10.30 (med)',
      '| 128.12.16.40-128.12.16.45 (athletics)',
    ]);
    expect(html.match(/<tr><td>/g)).toHaveLength(6);
  });
});

describe('vmgov governance expiries with a lost policy file', () => {
  it('fails naming the file instead of reporting nothing due', async () => {
    const copy = copyPolicy();
    try {
      rmSync(path.join(copy.root, 'policy', 'excluded-qids.yaml'));

      const run = await runCli(['governance', 'expiries', '--root', copy.root]);

      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toContain(
        'error: policy/excluded-qids.yaml is missing\n' +
          'hint: restore it; with no decisions it holds ' +
          '`excluded_qids: []`\n',
      );
    } finally {
      copy.remove();
    }
  });
});
