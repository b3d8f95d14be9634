import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { GitHubStateStore } from '../../scripts/delivery/github-state-store.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { openStateStore } from '../../scripts/delivery/state-store.ts';
import type { StateStore } from '../../scripts/delivery/state-store.ts';
import { startGitHubStandIn } from '../support/github-stand-in.ts';
import type { GitHubStandIn } from '../support/github-stand-in.ts';

let root: string;
let github: GitHubStandIn;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'vmgov-state-'));
  github = await startGitHubStandIn();
});

afterEach(async () => {
  await github.close();
});

function actionsEnv(): NodeJS.ProcessEnv {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_TOKEN: github.token,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_API_URL: github.url,
  };
}

const stores: [string, () => StateStore][] = [
  ['local folder', () => openStateStore({ root, env: {} })],
  ['state branch', () => openStateStore({ root, env: actionsEnv() })],
];

describe.each(stores)('the %s store', (_name, open) => {
  it('reads back what it wrote and nothing for an unknown key', async () => {
    const store = open();

    await store.write('ledger/2026-11.json', '{"sent":[]}\n', 'ledger');

    expect(await store.read('ledger/2026-11.json')).toBe('{"sent":[]}\n');
    expect(await store.read('ledger/2026-10.json')).toBeUndefined();
  });

  it('replaces content and lists keys under a prefix, sorted', async () => {
    const store = open();

    await store.write('history/2026-11.json', 'a', 'h');
    await store.write('history/2026-10.json', 'b', 'h');
    await store.write('history/2026-11.json', 'c', 'h');
    await store.write('ledger/2026-11.json', 'd', 'l');

    expect(await store.list('history/')).toEqual([
      'history/2026-10.json',
      'history/2026-11.json',
    ]);
    expect(await store.list('')).toHaveLength(3);
    expect(await store.read('history/2026-11.json')).toBe('c');
  });

  it.each(['../escape.json', '/abs.json', 'a//b', 'a/./b', '.hidden'])(
    'refuses the key %j',
    async (key) => {
      await expect(open().write(key, 'x', 'm')).rejects.toThrow(
        `invalid state key "${key}"`,
      );
    },
  );
});

describe('openStateStore', () => {
  it.each([
    ['outside Actions', {}, LocalStateStore],
    [
      'in Actions without a token',
      { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' },
      LocalStateStore,
    ],
    ['in Actions with token and repository', null, GitHubStateStore],
  ])('picks the right store %s', (_name, env, kind) => {
    const store = openStateStore({ root, env: env ?? actionsEnv() });

    expect(store).toBeInstanceOf(kind);
  });

  it('keeps the local store under <root>/.state with no temporary files left', async () => {
    const store = openStateStore({ root, env: {} });

    await store.write('ledger/2026-11.json', '{}', 'ledger');

    expect(await readdir(path.join(root, '.state', 'ledger'))).toEqual([
      '2026-11.json',
    ]);
  });

  it('writes the state branch as an orphan with one commit per change', async () => {
    const store = openStateStore({ root, env: actionsEnv() });

    await store.write(
      'ledger/2026-11.json',
      '1',
      'ledger: deliveries of 2026-11',
    );
    await store.write(
      'ledger/2026-11.json',
      '2',
      'ledger: deliveries of 2026-11',
    );
    await store.write(
      'ledger/2026-11.json',
      '2',
      'ledger: deliveries of 2026-11',
    );

    expect(github.branches()).toEqual(['main', 'state']);
    expect(github.git.historyLength('state')).toBe(2);
    expect(github.readFile('state', 'README.md')).toBeUndefined();
    expect(github.readFile('main', 'ledger/2026-11.json')).toBeUndefined();
  });

  it('survives a concurrent writer moving the file (409) on the branch', async () => {
    const store = openStateStore({ root, env: actionsEnv() });
    await store.write('history/2026-11.json', 'old', 'h');
    github.fail({
      method: 'PUT',
      path: '/contents/history/2026-11.json',
      status: 409,
    });

    await store.write('history/2026-11.json', 'new', 'h');

    expect(github.readFile('state', 'history/2026-11.json')).toBe('new');
  });
});
