/**
 * `vmgov plan`: what a sync would change in Qualys, per unit. Exit codes:
 * 0 nothing to change (or changes, without --detailed-exitcode), 1 the
 * policy is invalid or the plan is refused (conflicts, broken limits), 2
 * usage or internal error, 4 changes pending with --detailed-exitcode.
 */
import { appendFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { githubContextFromEnv } from '../github/context.ts';
import { openGitHub } from '../github/open.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import { isDrift } from '../sync/last-applied.ts';
import { MemoryStore } from '../sync/memory-store.ts';
import { prepareSync, writePlanFile, type OpenedSync } from '../sync/setup.ts';
import { hasChanges, refusals } from '../sync/plan.ts';
import {
  noPlanBody,
  planCommentBody,
  publishComment,
  publishDrift,
} from '../sync/publish.ts';
import { renderMarkdown } from '../sync/render-markdown.ts';
import { renderText } from '../sync/render-text.ts';
import type { Outcome } from './index.ts';
import {
  addQualysOptions,
  openQualys,
  type QualysOptions,
} from './qualys-connection.ts';

export const CHANGES_PENDING = 4;
const FORMATS = ['text', 'markdown', 'json'];

interface PlanOptions extends SyncCommandOptions {
  format: string;
  out?: string;
  detailedExitcode?: boolean;
  comment?: boolean;
  pr?: string;
  skipReason?: string;
  driftIssues?: boolean;
}

export interface SyncCommandOptions extends QualysOptions {
  root: string;
  prune?: boolean;
  adopt: string[];
  allowLargeChange?: boolean;
}

/** The options plan and apply share. */
export function addSyncOptions(command: Command): Command {
  return command
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--prune', 'delete managed groups that left the YAML')
    .option(
      '--adopt <title>',
      'take over a same-titled group without our marker (repeatable)',
      (title: string, all: string[]) => [...all, title],
      [] as string[],
    )
    .option('--allow-large-change', 'go past the removal limits (governance)');
}

/** Opens Qualys and plans; the caller closes it. */
export async function openSync(
  options: SyncCommandOptions,
): Promise<OpenedSync & { close(): Promise<void> }> {
  const qualys = await openQualys(options, options.root);
  try {
    const diff = { prune: options.prune ?? false, adopt: options.adopt };
    // The simulator's Qualys ends with the process; so does its record.
    const store = qualys.simulator ? new MemoryStore() : undefined;
    const opened = await prepareSync(options.root, qualys.client, diff, store);
    return { ...opened, close: () => qualys.close() };
  } catch (error) {
    await qualys.close();
    throw error;
  }
}

export function register(program: Command, outcome: Outcome): void {
  const command = program
    .command('plan')
    .description('show what a sync would change in Qualys, per unit')
    .option('--format <format>', 'text, markdown or json', 'text')
    .option('--out <file>', 'also write the plan and its checksum as JSON')
    .option('--detailed-exitcode', 'exit 4 when there are changes to apply')
    .option('--comment', 'keep the plan as one comment on the pull request')
    .option('--pr <number>', 'pull request for --comment (default: the event)')
    .option('--skip-reason <text>', 'only comment on the PR why no plan ran')
    .option('--drift-issues', 'open or update an issue per unit that drifted')
    .addHelpText(
      'after',
      '\nExit codes: 0 no changes (or changes, without --detailed-exitcode),\n' +
        '1 invalid policy or refused plan (conflicts, broken limits),\n' +
        '2 usage or internal error, 4 changes pending (--detailed-exitcode).',
    );
  addSyncOptions(addQualysOptions(command)).action(
    async (options: PlanOptions) => {
      outcome.code = await plan(options);
    },
  );
}

/** Throws UsageError for a bad format, UserError subclasses from the rooms. */
async function plan(options: PlanOptions): Promise<number> {
  if (!FORMATS.includes(options.format)) {
    throw new UsageError(`unknown format "${options.format}"`, {
      hint: 'use --format text, markdown or json',
    });
  }
  if (options.skipReason !== undefined) {
    await comment(options, noPlanBody(options.skipReason));
    return 0;
  }

  const sync = await openSync(options);
  try {
    const { plan, checksum } = sync.planned;
    if (options.format === 'json') {
      print(`${JSON.stringify({ checksum, plan }, null, 2)}\n`);
    } else if (options.format === 'markdown') {
      print(renderMarkdown(plan, checksum));
    } else {
      print(renderText(plan, checksum));
    }
    if (options.out) await writePlanFile(options.out, plan, checksum);
    if (process.env.GITHUB_STEP_SUMMARY) {
      await appendFile(
        process.env.GITHUB_STEP_SUMMARY,
        renderMarkdown(plan, checksum),
      );
    }
    if (options.comment)
      await comment(options, planCommentBody(plan, checksum));
    if (options.driftIssues && hasChanges(plan)) {
      const commit = process.env.GITHUB_SHA;
      if (await isDrift(sync.store, commit)) {
        await publishDrift(
          gitHub(githubContextFromEnv(process.env)),
          plan,
          checksum,
        );
      } else {
        log.info('main changed since the last sync: changes are not drift');
      }
    }

    const refused = refusals(plan, options.allowLargeChange ?? false);
    for (const reason of refused) log.error(reason);
    if (refused.length > 0) return 1;
    return hasChanges(plan) && options.detailedExitcode ? CHANGES_PENDING : 0;
  } finally {
    await sync.close();
  }
}

async function comment(options: PlanOptions, body: string): Promise<void> {
  const context = githubContextFromEnv(process.env);
  const pullNumber = options.pr ? Number(options.pr) : context.pullNumber;
  if (!pullNumber || !Number.isInteger(pullNumber)) {
    throw new UsageError('--comment needs a pull request number', {
      hint: 'pass --pr N, or run it in a pull_request workflow',
    });
  }
  await publishComment(gitHub(context), pullNumber, body);
}

/** Throws UsageError when the workflow gave no token or repository. */
function gitHub(context: ReturnType<typeof githubContextFromEnv>) {
  if (!context.token || !context.repository) {
    throw new UsageError('GITHUB_TOKEN and GITHUB_REPOSITORY are needed here', {
      hint: 'run it in GitHub Actions, or set both variables',
    });
  }
  return openGitHub({
    token: context.token,
    repository: context.repository,
    apiUrl: context.apiUrl,
    runUrl: context.runUrl,
  });
}
