/**
 * Files on branches through the contents API, and the few git-data calls
 * needed to create a branch (from another one, or as an orphan).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { log } from '../output/logger.ts';
import { GitHubError } from './errors.ts';
import { call, hasStatus } from './octokit.ts';
import type { OctokitClient, RepoRef } from './octokit.ts';
import type { WriteFileOptions } from './types.ts';

const WRITE_ATTEMPTS = 4;

export interface RemoteFile {
  sha: string;
  content: string;
}

export class Contents {
  constructor(
    private readonly octokit: OctokitClient,
    private readonly repo: RepoRef,
  ) {}

  /** @throws GitHubError for anything but a missing file or branch. */
  async getFile(branch: string, path: string): Promise<RemoteFile | undefined> {
    try {
      const { data } = await call(`read ${path} on ${branch}`, () =>
        this.octokit.rest.repos.getContent({ ...this.repo, path, ref: branch }),
      );
      if (Array.isArray(data) || data.type !== 'file') return undefined;
      // Over 1 MB the contents API answers without the text (encoding
      // "none"); the blob API serves it up to 100 MB.
      const base64 =
        data.encoding === 'none' ? await this.blob(data.sha) : data.content;
      const content = Buffer.from(base64, 'base64').toString('utf8');
      return { sha: data.sha, content };
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async blob(sha: string): Promise<string> {
    const { data } = await call(`read blob ${sha}`, () =>
      this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha }),
    );
    return data.content;
  }

  /** Commit sha a branch points at, or undefined when it does not exist. */
  async branchHead(branch: string): Promise<string | undefined> {
    try {
      const { data } = await call(`read branch ${branch}`, () =>
        this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${branch}` }),
      );
      return data.object.sha;
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Points `branch` at `sha`, creating it or moving it (force). */
  async setBranch(branch: string, sha: string, exists: boolean): Promise<void> {
    if (exists) {
      await call(`move branch ${branch}`, () =>
        this.octokit.rest.git.updateRef({
          ...this.repo,
          ref: `heads/${branch}`,
          sha,
          force: true,
        }),
      );
      return;
    }
    await call(`create branch ${branch}`, () =>
      this.octokit.rest.git.createRef({
        ...this.repo,
        ref: `refs/heads/${branch}`,
        sha,
      }),
    );
  }

  /**
   * Writes one file as one commit; see GitHubApi.writeFile.
   * @throws GitHubError when the base branch is missing or conflicts last.
   */
  async writeFile(
    branch: string,
    path: string,
    content: string,
    message: string,
    options: WriteFileOptions = {},
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.writeOnce(branch, path, content, message, options);
      } catch (error) {
        // 409: the sha moved under us; 422: the file or branch appeared.
        if (!hasStatus(error, 409, 422) || attempt >= WRITE_ATTEMPTS)
          throw error;
        log.debug('write conflicted, reading again', { path, attempt });
        await sleep(50 * attempt);
      }
    }
  }

  private async writeOnce(
    branch: string,
    path: string,
    content: string,
    message: string,
    options: WriteFileOptions,
  ): Promise<boolean> {
    const current = await this.getFile(branch, path);
    if (current?.content === content) return false;

    if (!current && (await this.branchHead(branch)) === undefined) {
      if (options.from === undefined) {
        await this.createOrphan(branch, path, content, message);
        return true;
      }
      await this.branchFrom(branch, options.from);
      return this.writeOnce(branch, path, content, message, {});
    }

    await call(`write ${path} on ${branch}`, () =>
      this.octokit.rest.repos.createOrUpdateFileContents({
        ...this.repo,
        path,
        branch,
        message,
        content: Buffer.from(content, 'utf8').toString('base64'),
        sha: current?.sha,
      }),
    );
    return true;
  }

  /**
   * Creates `branch` at the head of `from`.
   * @throws GitHubError when `from` does not exist.
   */
  async branchFrom(branch: string, from: string): Promise<void> {
    const base = await this.branchHead(from);
    if (base === undefined) {
      throw new GitHubError(`GitHub branch ${from} does not exist`, {
        status: 404,
        request: `read branch ${from}`,
      });
    }
    await this.setBranch(branch, base, false);
  }

  private async createOrphan(
    branch: string,
    path: string,
    content: string,
    message: string,
  ): Promise<void> {
    const tree = await call('create tree', () =>
      this.octokit.rest.git.createTree({
        ...this.repo,
        tree: [{ path, mode: '100644', type: 'blob', content }],
      }),
    );
    const commit = await call('create commit', () =>
      this.octokit.rest.git.createCommit({
        ...this.repo,
        message,
        tree: tree.data.sha,
        parents: [],
      }),
    );
    await this.setBranch(branch, commit.data.sha, false);
  }

  /**
   * Deletes a file; false when it was not there.
   * @throws GitHubError when GitHub refuses.
   */
  async deleteFile(
    branch: string,
    path: string,
    message: string,
  ): Promise<boolean> {
    const current = await this.getFile(branch, path);
    if (!current) return false;
    await call(`delete ${path} on ${branch}`, () =>
      this.octokit.rest.repos.deleteFile({
        ...this.repo,
        path,
        branch,
        message,
        sha: current.sha,
      }),
    );
    return true;
  }

  /** @throws GitHubError for anything but a missing branch. */
  async listFiles(branch: string, prefix: string): Promise<string[]> {
    try {
      const { data } = await call(`list files on ${branch}`, () =>
        this.octokit.rest.git.getTree({
          ...this.repo,
          tree_sha: branch,
          recursive: 'true',
        }),
      );
      if (data.truncated)
        log.warn('GitHub listed only part of the branch', { branch });
      return data.tree
        .filter(
          (entry) => entry.type === 'blob' && entry.path?.startsWith(prefix),
        )
        .map((entry) => entry.path);
    } catch (error) {
      if (hasStatus(error, 404)) return [];
      throw error;
    }
  }
}
