/**
 * Builds the octokit client and turns its failures into this project's
 * errors. The token is registered as a secret so no log line can show it.
 */
import { Octokit } from 'octokit';

import { log, redact, registerSecret } from '../output/logger.ts';
import { GitHubAuthError, GitHubError, GitHubUsageError } from './errors.ts';
import type { GitHubOptions } from './types.ts';

export type OctokitClient = InstanceType<typeof Octokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/**
 * Splits `owner/name`.
 * @throws GitHubUsageError when the text is not `owner/name`.
 */
export function parseRepository(repository: string): RepoRef {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository);
  if (!match) {
    throw new GitHubUsageError(
      `GITHUB_REPOSITORY "${repository}" is not of the form owner/name`,
      { hint: 'set it as GitHub Actions does, e.g. its-security/vmgov' },
    );
  }
  return { owner: match[1], repo: match[2] };
}

export function createOctokit(options: GitHubOptions): OctokitClient {
  registerSecret(options.token);
  const retryAfter = (options.retryBaseMs ?? 1000) / 1000;
  const keepTrying = (
    _after: number,
    _options: unknown,
    _o: unknown,
    count: number,
  ) => count < 2;

  const baseUrl = (options.apiUrl ?? 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  const paceWrites = options.paceWrites ?? !isLoopback(baseUrl);

  return new Octokit({
    auth: options.token,
    baseUrl,
    userAgent: 'vmgov',
    log: {
      debug: (message: string) => log.debug(message),
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.error(message),
    },
    // 409 is a content conflict we resolve ourselves by re-reading the sha.
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      retries: options.retries ?? 3,
      retryAfterBaseValue: retryAfter * 1000,
    },
    throttle: {
      enabled: paceWrites,
      onRateLimit: keepTrying,
      onSecondaryRateLimit: keepTrying,
    },
  });
}

function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * Runs one GitHub request and translates its failure.
 * @throws GitHubAuthError on 401 and on 403 without rate limiting;
 *   GitHubError otherwise (status 0 when no response arrived).
 */
export async function call<T>(
  label: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translate(label, error);
  }
}

function translate(label: string, error: unknown): Error {
  const status = statusOf(error);
  const detail = redact(error instanceof Error ? error.message : String(error));
  const rateLimited = /rate limit/i.test(detail);

  if (status === 401 || (status === 403 && !rateLimited)) {
    return new GitHubAuthError(
      `GitHub refused ${label} (HTTP ${status}): ${detail}`,
      { status, cause: error },
    );
  }
  const shown = status === 0 ? 'no response' : `HTTP ${status}`;
  return new GitHubError(`GitHub ${label} failed (${shown}): ${detail}`, {
    status,
    request: label,
    cause: error,
  });
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : 0;
}

/** True for a GitHubError with one of the given statuses. */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GitHubError && statuses.includes(error.status);
}
