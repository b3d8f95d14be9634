/**
 * The state store as a branch of the repository (`state`), written through
 * the contents API. The branch is created as an orphan on first write, so
 * it never mixes with the code's history.
 */
import type { GitHubApi } from '../github/types.ts';
import { checkStateKey, checkStatePrefix } from './state-key.ts';
import type { StateStore } from './state-store.ts';

export class GitHubStateStore implements StateStore {
  private readonly api: GitHubApi;
  readonly branch: string;

  constructor(api: GitHubApi, branch: string) {
    this.api = api;
    this.branch = branch;
  }

  /** @throws GitHubError or GitHubAuthError when GitHub cannot answer. */
  async read(key: string): Promise<string | undefined> {
    return this.api.readFile(this.branch, checkStateKey(key));
  }

  /** @throws GitHubError when the write still conflicts after retries. */
  async write(key: string, content: string, message: string): Promise<void> {
    await this.api.writeFile(this.branch, checkStateKey(key), content, message);
  }

  /** @throws GitHubError or GitHubAuthError when GitHub cannot answer. */
  async list(prefix: string): Promise<string[]> {
    const files = await this.api.listFiles(
      this.branch,
      checkStatePrefix(prefix),
    );
    return files.sort();
  }
}
