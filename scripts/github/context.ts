/**
 * What a workflow run tells us about itself through the environment: the
 * repository, the token, the API root, the pull request and the run link.
 */
import { readFileSync } from 'node:fs';

import { log } from '../output/logger.ts';

export interface GitHubContext {
  isActions: boolean;
  repository?: string;
  token?: string;
  apiUrl: string;
  serverUrl: string;
  eventName?: string;
  /** Pull request (or issue) number of the triggering event. */
  pullNumber?: number;
  /** True when the pull request comes from another repository (a fork). */
  isForkPullRequest: boolean;
  runId?: string;
  /** `<server>/<owner>/<repo>/actions/runs/<id>`, when known. */
  runUrl?: string;
}

interface EventPayload {
  number?: number;
  pull_request?: { number?: number; head?: { repo?: { full_name?: string } } };
  issue?: { number?: number };
}

/** Reads the GITHUB_* variables; never throws, a bad event file is logged. */
export function githubContextFromEnv(env: NodeJS.ProcessEnv): GitHubContext {
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const serverUrl = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  const event = readEvent(nonEmpty(env.GITHUB_EVENT_PATH));
  const headRepository = event?.pull_request?.head?.repo?.full_name;

  return {
    isActions: env.GITHUB_ACTIONS === 'true',
    repository,
    token: nonEmpty(env.GITHUB_TOKEN),
    apiUrl: nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com',
    serverUrl,
    eventName: nonEmpty(env.GITHUB_EVENT_NAME),
    pullNumber:
      event?.pull_request?.number ?? event?.issue?.number ?? event?.number,
    isForkPullRequest:
      headRepository !== undefined &&
      repository !== undefined &&
      headRepository !== repository,
    runId,
    runUrl:
      repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}`
        : undefined,
  };
}

function readEvent(file: string | undefined): EventPayload | undefined {
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EventPayload;
  } catch (error) {
    log.warn('could not read the GitHub event file', { file, error });
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
