/** `openGitHub`: the GitHubApi of the contract, built on octokit. */
import { upsertComment } from './comments.ts';
import { Contents } from './contents.ts';
import { Issues } from './issues.ts';
import { createOctokit, parseRepository } from './octokit.ts';
import { upsertPullRequest } from './pulls.ts';
import type { GitHubApi, GitHubOptions } from './types.ts';

/**
 * Opens the GitHub API for one repository. Nothing is requested until a
 * method is called.
 * @throws GitHubUsageError when `repository` is not `owner/name`.
 */
export function openGitHub(options: GitHubOptions): GitHubApi {
  const repo = parseRepository(options.repository);
  const octokit = createOctokit(options);
  const contents = new Contents(octokit, repo);
  const issues = new Issues(octokit, repo, options.runUrl);

  return {
    repository: options.repository,
    upsertComment: (issueNumber, marker, body) =>
      upsertComment(octokit, repo, options.runUrl, issueNumber, marker, body),
    findOrCreateIssue: (title, marker, body, labels) =>
      issues.findOrCreate(title, marker, body, labels),
    closeIssue: (issueNumber, comment) => issues.close(issueNumber, comment),
    upsertPullRequest: (spec) =>
      upsertPullRequest(octokit, repo, contents, issues, spec),
    readFile: async (branch, path) =>
      (await contents.getFile(branch, path))?.content,
    writeFile: (branch, path, content, message, writeOptions) =>
      contents.writeFile(branch, path, content, message, writeOptions),
    listFiles: (branch, prefix) => contents.listFiles(branch, prefix),
    listIssues: (filter) => issues.list(filter),
    prLabels: (pullNumber) => issues.labels(pullNumber),
  };
}
