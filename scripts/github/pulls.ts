/**
 * One branch and one pull request per purpose (the KB refresh, the expiry
 * clean-up): re-running updates them instead of opening another.
 */
import type { Contents } from './contents.ts';
import type { Issues } from './issues.ts';
import { call } from './octokit.ts';
import type { OctokitClient, RepoRef } from './octokit.ts';
import type { PullRequestResult, PullRequestSpec } from './types.ts';

/**
 * Creates or updates `spec.branch` and its open pull request. A branch
 * without an open pull request (left from a merged one) is first moved to
 * the head of `spec.base`, so the new pull request starts clean.
 * @throws GitHubError when the base branch is missing or GitHub refuses.
 */
export async function upsertPullRequest(
  octokit: OctokitClient,
  repo: RepoRef,
  contents: Contents,
  issues: Issues,
  spec: PullRequestSpec,
): Promise<PullRequestResult> {
  const { data: open } = await call(
    `list pull requests of ${spec.branch}`,
    () =>
      octokit.rest.pulls.list({
        ...repo,
        head: `${repo.owner}:${spec.branch}`,
        base: spec.base,
        state: 'open',
      }),
  );
  const existing = open[0];

  if (!existing) await startBranch(contents, spec);
  const changedFiles = await writeFiles(contents, spec);

  if (!existing) {
    const { data } = await call(`open pull request from ${spec.branch}`, () =>
      octokit.rest.pulls.create({
        ...repo,
        head: spec.branch,
        base: spec.base,
        title: spec.title,
        body: spec.body,
      }),
    );
    await issues.addLabels(data.number, spec.labels ?? []);
    return {
      number: data.number,
      url: data.html_url,
      action: 'created',
      changedFiles,
    };
  }

  const textChanged =
    existing.title !== spec.title || existing.body !== spec.body;
  if (textChanged) {
    await call(`edit pull request #${existing.number}`, () =>
      octokit.rest.pulls.update({
        ...repo,
        pull_number: existing.number,
        title: spec.title,
        body: spec.body,
      }),
    );
  }
  const present = existing.labels.map((label) => label.name);
  await issues.addLabels(
    existing.number,
    (spec.labels ?? []).filter((label) => !present.includes(label)),
  );
  const action =
    textChanged || changedFiles.length > 0 ? 'updated' : 'unchanged';
  return {
    number: existing.number,
    url: existing.html_url,
    action,
    changedFiles,
  };
}

async function startBranch(
  contents: Contents,
  spec: PullRequestSpec,
): Promise<void> {
  const head = await contents.branchHead(spec.branch);
  if (head === undefined) {
    await contents.branchFrom(spec.branch, spec.base);
    return;
  }
  const base = await contents.branchHead(spec.base);
  if (base !== undefined && base !== head) {
    await contents.setBranch(spec.branch, base, true);
  }
}

async function writeFiles(
  contents: Contents,
  spec: PullRequestSpec,
): Promise<string[]> {
  const changed: string[] = [];
  for (const [path, content] of Object.entries(spec.files)) {
    const message = `${spec.title}: ${content === null ? 'remove' : 'update'} ${path}`;
    const done =
      content === null
        ? await contents.deleteFile(spec.branch, path, message)
        : await contents.writeFile(spec.branch, path, content, message);
    if (done) changed.push(path);
  }
  return changed;
}
