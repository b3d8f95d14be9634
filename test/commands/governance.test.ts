import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
