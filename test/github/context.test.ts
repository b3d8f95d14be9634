import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { githubContextFromEnv } from '../../scripts/github/context.ts';

async function eventFile(payload: unknown): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'vmgov-event-'));
  const file = path.join(folder, 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

describe('githubContextFromEnv', () => {
  it('reads a pull request run', async () => {
    const file = await eventFile({
      pull_request: {
        number: 42,
        head: { repo: { full_name: 'its-security/vmgov' } },
      },
    });

    const context = githubContextFromEnv({
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'its-security/vmgov',
      GITHUB_TOKEN: 'ghs_abc',
      GITHUB_API_URL: 'https://ghe.example/api/v3',
      GITHUB_SERVER_URL: 'https://ghe.example',
      GITHUB_RUN_ID: '991',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file,
    });

    expect(context).toEqual({
      isActions: true,
      repository: 'its-security/vmgov',
      token: 'ghs_abc',
      apiUrl: 'https://ghe.example/api/v3',
      serverUrl: 'https://ghe.example',
      eventName: 'pull_request',
      pullNumber: 42,
      isForkPullRequest: false,
      runId: '991',
      runUrl: 'https://ghe.example/its-security/vmgov/actions/runs/991',
    });
  });

  it('marks a pull request from a fork', async () => {
    const file = await eventFile({
      pull_request: {
        number: 7,
        head: { repo: { full_name: 'someone/vmgov' } },
      },
    });

    const context = githubContextFromEnv({
      GITHUB_REPOSITORY: 'its-security/vmgov',
      GITHUB_EVENT_PATH: file,
    });

    expect(context.isForkPullRequest).toBe(true);
    expect(context.pullNumber).toBe(7);
  });

  it('uses the public defaults outside Actions', () => {
    expect(githubContextFromEnv({})).toEqual({
      isActions: false,
      repository: undefined,
      token: undefined,
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      eventName: undefined,
      pullNumber: undefined,
      isForkPullRequest: false,
      runId: undefined,
      runUrl: undefined,
    });
  });

  it('ignores an unreadable event file', () => {
    const context = githubContextFromEnv({
      GITHUB_EVENT_PATH: 'no-such-event.json',
    });

    expect(context.pullNumber).toBeUndefined();
  });
});
