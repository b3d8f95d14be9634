/**
 * `vmgov governance expiries|page|agenda`: the decisions due for review
 * (and, with --github, the weekly issue and removal pull request), the
 * outcomes page, and the monthly meeting's agenda.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import { githubContextFromEnv } from '../github/context.ts';
import { openRequests, renderAgenda } from '../governance/agenda.ts';
import { gitHubFromEnv, todayFor } from '../governance/context.ts';
import { readDecisionEntries } from '../governance/decision-entries.ts';
import { findExpiring } from '../governance/expiries.ts';
import { publishExpiries } from '../governance/expiry-github.ts';
import { renderExpiryText } from '../governance/expiry-report.ts';
import { renderOutcomesHtml } from '../governance/outcomes-html.ts';
import { renderOutcomesMarkdown } from '../governance/outcomes-markdown.ts';
import { collectOutcomes } from '../governance/outcomes.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import type { Outcome } from './index.ts';

interface Common {
  root: string;
}

export function register(program: Command, outcome: Outcome): void {
  const governance = program
    .command('governance')
    .description(
      'governance chores: expiring decisions, outcomes page, agenda',
    );

  governance
    .command('expiries')
    .description(
      'list decisions expired or due for review; --github files the issue and PR',
    )
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--days <n>', 'look this many days ahead', '30')
    .option(
      '--github',
      'open or update the review issue and the removal pull request',
    )
    .option(
      '--base <branch>',
      'base branch of the removal pull request',
      'main',
    )
    .action(
      async (
        options: Common & { days: string; github?: boolean; base: string },
      ) => {
        outcome.code = await expiries(options);
      },
    );

  governance
    .command('page')
    .description('write the governance outcomes page (Markdown and HTML)')
    .option('--root <dir>', 'the policy repository root', '.')
    .option(
      '--out <dir>',
      'folder for governance.md and governance.html',
      'out/governance',
    )
    .action(async (options: Common & { out: string }) => {
      outcome.code = await page(options);
    });

  governance
    .command('agenda')
    .description('open requests and decisions due, for the monthly meeting')
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--days <n>', 'decisions due within this many days', '30')
    .option('--github', 'read the open request issues from GitHub')
    .action(async (options: Common & { days: string; github?: boolean }) => {
      outcome.code = await agenda(options);
    });
}

async function expiries(
  options: Common & { days: string; github?: boolean; base: string },
): Promise<number> {
  const days = parseDays(options.days);
  const github = options.github ? gitHubFromEnv() : undefined;
  const today = todayFor();
  const items = findExpiring(
    await readDecisionEntries(options.root),
    today,
    days,
  );
  print(renderExpiryText(items, days));
  if (!github) return 0;

  const result = await publishExpiries(options.root, github, items, {
    days,
    base: options.base,
  });
  if (result.pullRequest) {
    log.info('removal pull request', {
      number: result.pullRequest.number,
      action: result.pullRequest.action,
    });
  }
  if (result.issue)
    log.info('review issue', {
      number: result.issue.number,
      action: result.issue.action,
    });
  for (const number of result.closed)
    log.info('review issue closed, nothing due', { number });
  return 0;
}

async function page(options: Common & { out: string }): Promise<number> {
  const outcomes = await collectOutcomes(options.root, {
    today: todayFor(),
    repository: githubContextFromEnv(process.env).repository,
  });
  await mkdir(options.out, { recursive: true });
  const markdown = path.join(options.out, 'governance.md');
  const html = path.join(options.out, 'governance.html');
  await writeFile(markdown, renderOutcomesMarkdown(outcomes));
  await writeFile(html, renderOutcomesHtml(outcomes));
  const count = outcomes.sections.reduce((n, s) => n + s.outcomes.length, 0);
  log.info('governance page written', { decisions: count, markdown, html });
  return 0;
}

async function agenda(
  options: Common & { days: string; github?: boolean },
): Promise<number> {
  const today = todayFor();
  const due = findExpiring(
    await readDecisionEntries(options.root),
    today,
    parseDays(options.days),
  );
  const requests = options.github
    ? await openRequests(gitHubFromEnv())
    : undefined;
  print(renderAgenda(today, requests, due));
  return 0;
}

/** @throws UsageError unless a whole number from 0 to 3650. */
function parseDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new UsageError(
      `--days must be a whole number of days, not "${text}"`,
      {
        hint: 'for example --days 30',
      },
    );
  }
  return days;
}
