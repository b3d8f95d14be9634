import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { GitHubAuthError, GitHubError } from '../../scripts/github/errors.ts';
import { openGitHub } from '../../scripts/github/open.ts';
import type { GitHubApi } from '../../scripts/github/types.ts';
import { startGitHubStandIn } from '../support/github-stand-in.ts';
import type { GitHubStandIn } from '../support/github-stand-in.ts';

let github: GitHubStandIn;
let api: GitHubApi;

beforeEach(async () => {
  github = await startGitHubStandIn({
    files: {
      'README.md': '# vmgov\n',
      'policy/kb-snapshot.yaml': 'qids: []\n',
    },
  });
  api = openGitHub({
    token: github.token,
    repository: github.repository,
    apiUrl: github.url,
    runUrl: 'https://github.example/its-security/vmgov/actions/runs/7',
    retryBaseMs: 1,
  });
});

afterEach(async () => {
  await github.close();
});

describe('upsertComment', () => {
  it('edits its own comment on the second run instead of adding one', async () => {
    const pull = github.addIssue({
      title: 'Add lab range',
      pull: { head: 'lab', base: 'main' },
    });
    github.comments.push({ id: 1, issueNumber: pull.number, body: 'LGTM' });

    const first = await api.upsertComment(
      pull.number,
      'vmgov-plan',
      'plan one',
    );
    const second = await api.upsertComment(
      pull.number,
      'vmgov-plan',
      'plan two',
    );
    const third = await api.upsertComment(
      pull.number,
      'vmgov-plan',
      'plan two',
    );

    expect([first.action, second.action, third.action]).toEqual([
      'created',
      'updated',
      'unchanged',
    ]);
    expect(second.id).toBe(first.id);
    expect(github.comments.map((c) => c.body)).toEqual([
      'LGTM',
      '<!-- vmgov-plan -->\nplan two',
    ]);
    expect(github.count('POST', '/comments')).toBe(1);
    expect(github.count('PATCH', '/issues/comments/')).toBe(1);
  });

  it('keeps a long plan under 65,536 characters with a link to the run', async () => {
    const issue = github.addIssue({ title: 'drift' });
    const plan = Array.from(
      { length: 5000 },
      (_, i) => `- 10.0.${i}.0/24 added`,
    ).join('\n');

    const result = await api.upsertComment(issue.number, 'vmgov-plan', plan);

    const body = github.comments[0].body;
    expect(result.truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith('<!-- vmgov-plan -->\n- 10.0.0.0/24 added\n')).toBe(
      true,
    );
    expect(body).toContain(
      'the full text is in the artifacts of [this run](https://github.example/its-security/vmgov/actions/runs/7)',
    );
  });
});

describe('findOrCreateIssue and closeIssue', () => {
  it('updates the open issue carrying the marker and adds missing labels', async () => {
    const first = await api.findOrCreateIssue(
      'Drift in med-it',
      'drift:med-it',
      'one',
      ['drift'],
    );
    const second = await api.findOrCreateIssue(
      'Drift in med-it (2 groups)',
      'drift:med-it',
      'two',
      ['drift', 'med-it'],
    );
    const again = await api.findOrCreateIssue(
      'Drift in med-it (2 groups)',
      'drift:med-it',
      'two',
      ['drift'],
    );

    expect([first.action, second.action, again.action]).toEqual([
      'created',
      'updated',
      'unchanged',
    ]);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({
      title: 'Drift in med-it (2 groups)',
      body: '<!-- drift:med-it -->\ntwo',
      labels: ['drift', 'med-it'],
      state: 'open',
    });
  });

  it('opens a new issue once the marked one is closed', async () => {
    const first = await api.findOrCreateIssue(
      'Expiring decisions',
      'expiries',
      'a',
    );
    await api.closeIssue(first.number, 'all renewed');
    const second = await api.findOrCreateIssue(
      'Expiring decisions',
      'expiries',
      'b',
    );

    expect(second.number).not.toBe(first.number);
    expect(github.issues.map((i) => i.state)).toEqual(['closed', 'open']);
    expect(github.comments.map((c) => c.body)).toEqual(['all renewed']);
  });
});

describe('listIssues and prLabels', () => {
  it('lists issues by label and state, leaving pull requests out', async () => {
    github.addIssue({
      title: 'QID 38173 exclusion',
      labels: ['exclusion-request'],
    });
    github.addIssue({ title: 'New unit', labels: ['new-unit'] });
    github.addIssue({
      title: 'old',
      labels: ['exclusion-request'],
      state: 'closed',
    });
    github.addIssue({
      title: 'a PR',
      labels: ['exclusion-request'],
      pull: { head: 'x', base: 'main' },
    });
    for (let i = 0; i < 120; i += 1) github.addIssue({ title: `filler ${i}` });

    const open = await api.listIssues({ labels: ['exclusion-request'] });
    const all = await api.listIssues({
      labels: ['exclusion-request'],
      state: 'all',
    });
    const everything = await api.listIssues();

    expect(open.map((i) => i.title)).toEqual(['QID 38173 exclusion']);
    expect(all.map((i) => i.title)).toEqual(['QID 38173 exclusion', 'old']);
    expect(everything).toHaveLength(122);
  });

  it('reads the labels of a pull request', async () => {
    const pull = github.addIssue({
      title: 'Shrink med-it',
      labels: ['large-change-approved', 'unit:med-it'],
      pull: { head: 'shrink', base: 'main' },
    });

    expect(await api.prLabels(pull.number)).toEqual([
      'large-change-approved',
      'unit:med-it',
    ]);
  });
});

describe('files on branches', () => {
  it('creates a missing branch as an orphan holding only the written file', async () => {
    const wrote = await api.writeFile(
      'state',
      'ledger/2026-11.json',
      '{}\n',
      'ledger',
    );

    expect(wrote).toBe(true);
    expect(github.branches()).toEqual(['main', 'state']);
    expect(await api.listFiles('state', '')).toEqual(['ledger/2026-11.json']);
    expect(github.git.historyLength('state')).toBe(1);
    expect(await api.readFile('state', 'ledger/2026-11.json')).toBe('{}\n');
  });

  it('makes no commit when the content is already there', async () => {
    await api.writeFile('state', 'a.json', '1', 'first');
    await api.writeFile('state', 'a.json', '2', 'second');
    const same = await api.writeFile('state', 'a.json', '2', 'third');

    expect(same).toBe(false);
    expect(github.git.historyLength('state')).toBe(2);
  });

  it('re-reads the sha and retries when a write conflicts', async () => {
    await api.writeFile('state', 'a.json', '1', 'first');
    github.fail({
      method: 'PUT',
      path: '/contents/a.json',
      status: 409,
      times: 2,
    });

    await api.writeFile('state', 'a.json', '2', 'second');

    expect(github.readFile('state', 'a.json')).toBe('2');
    // The first write made the orphan branch (no PUT), then 409, 409, 200.
    expect(github.count('PUT', '/contents/a.json')).toBe(3);
  });

  it('gives up with a GitHubError after four conflicting attempts', async () => {
    await api.writeFile('state', 'a.json', '1', 'first');
    github.fail({
      method: 'PUT',
      path: '/contents/a.json',
      status: 409,
      times: 4,
    });

    const error = await api
      .writeFile('state', 'a.json', '2', 'x')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubError);
    expect((error as GitHubError).status).toBe(409);
    expect((error as GitHubError).message).toMatch(
      /^GitHub write a\.json on state failed \(HTTP 409\)/,
    );
    expect(github.readFile('state', 'a.json')).toBe('1');
  });

  it('creates a branch from another one when asked', async () => {
    await api.writeFile(
      'kb-refresh',
      'policy/kb-snapshot.yaml',
      'qids: [1]\n',
      'kb',
      { from: 'main' },
    );

    expect(github.readFile('kb-refresh', 'README.md')).toBe('# vmgov\n');
    expect(github.git.historyLength('kb-refresh')).toBe(2);
  });

  it.each([
    ['a missing branch', 'nowhere', 'x', undefined],
    ['a missing file', 'main', 'nothing.txt', undefined],
    ['a file', 'main', 'policy/kb-snapshot.yaml', 'qids: []\n'],
  ])('reads %s', async (_name, branch, path, expected) => {
    expect(await api.readFile(branch, path)).toBe(expected);
  });

  it('reads a file over 1 MB, which the contents API sends without text', async () => {
    const big = `${'{"ledger":"entry"}\n'.repeat(60_000)}`;
    await api.writeFile('state', 'ledger/2026-11.json', big, 'ledger');

    const read = await api.readFile('state', 'ledger/2026-11.json');

    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    expect(read).toBe(big);
    expect(github.count('GET', '/git/blobs/')).toBe(1);
  });

  it('lists files under a prefix and nothing on a missing branch', async () => {
    await api.writeFile('state', 'history/2026-10.json', '{}', 'h');
    await api.writeFile('state', 'history/2026-11.json', '{}', 'h');
    await api.writeFile('state', 'ledger/2026-11.json', '{}', 'l');

    expect(await api.listFiles('state', 'history/')).toEqual([
      'history/2026-10.json',
      'history/2026-11.json',
    ]);
    expect(await api.listFiles('absent', '')).toEqual([]);
  });
});

describe('upsertPullRequest', () => {
  const spec = {
    branch: 'vmgov/kb-refresh',
    base: 'main',
    title: 'KnowledgeBase refresh',
    body: 'Two facts changed.',
    files: { 'policy/kb-snapshot.yaml': 'qids: [38173]\n', 'README.md': null },
    labels: ['governance'],
  };

  it('opens one pull request and updates it on the next run', async () => {
    const first = await api.upsertPullRequest(spec);
    const second = await api.upsertPullRequest({
      ...spec,
      body: 'Three facts changed.',
    });
    const third = await api.upsertPullRequest({
      ...spec,
      body: 'Three facts changed.',
    });

    expect(first).toMatchObject({
      action: 'created',
      changedFiles: ['policy/kb-snapshot.yaml', 'README.md'],
    });
    expect(second).toMatchObject({
      number: first.number,
      action: 'updated',
      changedFiles: [],
    });
    expect(third).toMatchObject({ number: first.number, action: 'unchanged' });
    expect(github.issues.filter((i) => i.pull)).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({
      body: 'Three facts changed.',
      labels: ['governance'],
    });
    expect(github.readFile(spec.branch, 'policy/kb-snapshot.yaml')).toBe(
      'qids: [38173]\n',
    );
    expect(github.readFile(spec.branch, 'README.md')).toBeUndefined();
    expect(github.readFile('main', 'README.md')).toBe('# vmgov\n');
  });

  it('starts a merged branch again from the base', async () => {
    const first = await api.upsertPullRequest(spec);
    github.issues.find((i) => i.number === first.number)!.state = 'closed';
    await api.writeFile('main', 'units/med-it.yaml', 'id: med-it\n', 'merge');

    const second = await api.upsertPullRequest(spec);

    expect(second.number).not.toBe(first.number);
    expect(github.readFile(spec.branch, 'units/med-it.yaml')).toBe(
      'id: med-it\n',
    );
  });
});

describe('errors', () => {
  it('turns a bad token into GitHubAuthError without showing it', async () => {
    const wrong = openGitHub({
      token: 'ghp_wrongwrongwrong123',
      repository: github.repository,
      apiUrl: github.url,
    });

    const error = await wrong.listIssues().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubAuthError);
    expect(String(error)).not.toContain('ghp_wrongwrongwrong123');
    expect((error as GitHubAuthError).message).toBe(
      'GitHub refused list issues (HTTP 401): Bad credentials',
    );
  });

  it('retries a 502 and succeeds', async () => {
    github.fail({ method: 'GET', path: '/issues', status: 502, times: 1 });

    expect(await api.listIssues()).toEqual([]);
    expect(github.count('GET', '/issues')).toBe(2);
  });
});
