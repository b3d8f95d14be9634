import {
  afterAll,
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { removeRepos, writeRepo } from '../support/policy-repo.ts';
import {
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.ts';
import { run, startQualys } from './plan-support.ts';

let sim: RunningSimulator;
let github: GitHubStandIn;
let root: string;

beforeEach(async () => {
  sim = await startQualys();
  github = await startGitHubStandIn();
  github.addIssue({ title: 'Add a lab to alpha' });
  vi.stubEnv('GITHUB_TOKEN', github.token);
  vi.stubEnv('GITHUB_REPOSITORY', github.repository);
  vi.stubEnv('GITHUB_API_URL', github.url);
  vi.stubEnv('GITHUB_EVENT_PATH', '');
  root = await writeRepo();
});
afterEach(async () => {
  await sim.close();
  await github.close();
  vi.unstubAllEnvs();
});
afterAll(removeRepos);

describe('vmgov plan --comment', () => {
  it('keeps one comment: the second run edits the first', async () => {
    const first = await run(['plan', '--root', root, '--comment', '--pr', '1']);
    await run(['apply', '--root', root, '--yes']);
    const second = await run([
      'plan',
      '--root',
      root,
      '--comment',
      '--pr',
      '1',
    ]);

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(github.comments).toHaveLength(1);
    expect(github.count('POST', '/comments')).toBe(1);
    expect(github.count('PATCH', '/comments')).toBe(1);
    const body = github.comments[0].body;
    expect(
      body.startsWith(
        '<!-- vmgov:plan -->\n### Qualys plan for `vmgov:example/policy`',
      ),
    ).toBe(true);
    expect(body).toContain('No change: Qualys already matches the repository.');
  });

  it('says why no plan ran, without touching Qualys', async () => {
    const result = await run([
      'plan',
      '--comment',
      '--pr',
      '1',
      '--skip-reason',
      'this pull request comes from a fork, which gets no Qualys credentials.',
    ]);

    expect(result.code).toBe(0);
    expect(github.comments[0].body).toBe(
      '<!-- vmgov:plan -->\n### Qualys plan\n\nNo plan ran: this pull request ' +
        'comes from a fork, which gets no Qualys credentials.\n',
    );
    expect(sim.calls).toEqual([]);
  });
});
