/**
 * Where the program remembers things between runs (the delivery ledger,
 * monthly counts, purge records): a local `.state/` folder, or the
 * repository's `state` branch when running in GitHub Actions.
 */
import path from 'node:path';

import { setting } from '../env.ts';
import { openGitHub } from '../github/open.ts';
import { githubContextFromEnv } from '../github/context.ts';
import { GitHubStateStore } from './github-state-store.ts';
import { LocalStateStore } from './local-state-store.ts';

export interface StateStore {
  /** Content stored under `key`, or undefined when there is none. */
  read(key: string): Promise<string | undefined>;
  /** Replaces the content under `key` as a whole (never half-written). */
  write(key: string, content: string, message: string): Promise<void>;
  /** Keys under `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
}

export const STATE_BRANCH = 'state';

export interface StateStoreOptions {
  root: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens VMGOV_STATE_DIR when set; else the GitHub `state` branch when
 * GITHUB_ACTIONS=true and both GITHUB_TOKEN and GITHUB_REPOSITORY are set;
 * else the local `.state/` folder.
 */
export function openStateStore(options: StateStoreOptions): StateStore {
  const env = options.env ?? process.env;
  const context = githubContextFromEnv(env);

  // An explicit local folder wins, so a demo or a test never writes to the
  // repository's state branch even inside GitHub Actions.
  const stateDir = setting(env, 'VMGOV_STATE_DIR');
  if (stateDir) return new LocalStateStore(stateDir);

  if (context.isActions && context.token && context.repository) {
    const api = openGitHub({
      token: context.token,
      repository: context.repository,
      apiUrl: context.apiUrl,
      runUrl: context.runUrl,
    });
    return new GitHubStateStore(api, STATE_BRANCH);
  }

  return new LocalStateStore(path.join(options.root, '.state'));
}
