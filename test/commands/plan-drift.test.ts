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
import {
  startGitHubStandIn,
  type GitHubStandIn,
} from '../support/github-stand-in.ts';
import { removeRepos, writeRepo } from '../support/policy-repo.ts';
import { run, startQualys } from './plan-support.ts';

let sim: RunningSimulator;
let github: GitHubStandIn;
let root: string;

beforeEach(async () => {
  sim = await startQualys();
  github = await startGitHubStandIn();
  vi.stubEnv('GITHUB_TOKEN', github.token);
  vi.stubEnv('GITHUB_REPOSITORY', github.repository);
  vi.stubEnv('GITHUB_API_URL', github.url);
  vi.stubEnv('GITHUB_EVENT_PATH', '');
  vi.stubEnv('GITHUB_SHA', 'a1b2c3d4e5f6');
  root = await writeRepo();
  expect((await run(['apply', '--root', root, '--yes'])).code).toBe(0);
  const beta = sim.data.assetGroups.find((g) => g.title === 'mg-beta')!;
  beta.ips = ['10.0.200.0-10.0.200.255', '10.0.201.9'];
});
afterEach(async () => {
  await sim.close();
  await github.close();
  vi.unstubAllEnvs();
});
afterAll(removeRepos);

describe('vmgov plan --drift-issues', () => {
  it('keeps one issue per drifted unit while main is unchanged', async () => {
    await run(['plan', '--root', root, '--drift-issues']);
    await run(['plan', '--root', root, '--drift-issues']);

    expect(github.issues.map((i) => [i.title, i.state])).toEqual([
      ['Qualys drift: unit beta', 'open'],
    ]);
    const body = github.issues[0].body;
    expect(body).toContain('<!-- vmgov:drift:beta -->');
    expect(body).toContain(
      '| `mg-beta` | will change | no addresses | 1 IPv4 address |',
    );
  });

  it('is not drift once main has moved', async () => {
    vi.stubEnv('GITHUB_SHA', 'ffff00001111');

    const result = await run(['plan', '--root', root, '--drift-issues']);

    expect(result.log).toContain(
      'main changed since the last sync: changes are not drift',
    );
    expect(github.issues).toEqual([]);
  });
});
