/**
 * GitHub failures, translated from octokit's errors at this boundary. The
 * message names the request and the status, never the token.
 */
import { UserError } from '../errors.ts';

/** A GitHub request failed; `status` is 0 when no response came back. */
export class GitHubError extends Error {
  readonly status: number;
  readonly request: string;

  constructor(
    message: string,
    options: { status: number; request: string; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'GitHubError';
    this.status = options.status;
    this.request = options.request;
  }
}

/** The token is missing, wrong or lacks a permission the job needs. */
export class GitHubAuthError extends UserError {
  readonly status: number;

  constructor(message: string, options: { status: number; cause?: unknown }) {
    super(message, {
      cause: options.cause,
      hint: 'check GITHUB_TOKEN and the permissions: block of the workflow',
    });
    this.status = options.status;
  }
}

/** The repository setting or an argument is unusable (bad name, bad path). */
export class GitHubUsageError extends UserError {
  constructor(message: string, options: { hint?: string } = {}) {
    super(message, { exitCode: 2, hint: options.hint });
  }
}
