/** The one comment per pull request (or issue) that a command keeps current. */
import { hasMarker, markedBody } from './comment-body.ts';
import { call } from './octokit.ts';
import type { OctokitClient, RepoRef } from './octokit.ts';
import type { CommentResult } from './types.ts';

/**
 * Edits the comment carrying `marker`, or adds it.
 * @throws GitHubError or GitHubAuthError when GitHub refuses.
 */
export async function upsertComment(
  octokit: OctokitClient,
  repo: RepoRef,
  runUrl: string | undefined,
  issueNumber: number,
  marker: string,
  text: string,
): Promise<CommentResult> {
  const { body, truncated } = markedBody(marker, text, runUrl);
  const comments = await call(`list comments of #${issueNumber}`, () =>
    octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: issueNumber,
      per_page: 100,
    }),
  );
  const existing = comments.find((comment) => hasMarker(comment.body, marker));

  if (existing?.body === body) {
    return {
      id: existing.id,
      url: existing.html_url,
      action: 'unchanged',
      truncated,
    };
  }
  if (existing) {
    const { data } = await call(`edit comment on #${issueNumber}`, () =>
      octokit.rest.issues.updateComment({
        ...repo,
        comment_id: existing.id,
        body,
      }),
    );
    return { id: data.id, url: data.html_url, action: 'updated', truncated };
  }
  const { data } = await call(`comment on #${issueNumber}`, () =>
    octokit.rest.issues.createComment({
      ...repo,
      issue_number: issueNumber,
      body,
    }),
  );
  return { id: data.id, url: data.html_url, action: 'created', truncated };
}
