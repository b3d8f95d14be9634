/**
 * `vmgov kb refresh|sync`: rewrite policy/kb-snapshot.yaml from the Qualys
 * KnowledgeBase (with --pr, as one pull request kept up to date), and apply
 * reclassified severities in Qualys where the program chooses to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Command } from 'commander';

import { UserError } from '../errors.ts';
import { gitHubFromEnv, loadModel, todayFor } from '../governance/context.ts';
import {
  policyQids,
  refreshEntries,
  refreshPullRequestBody,
} from '../governance/kb-refresh.ts';
import {
  parseSnapshot,
  renderSnapshot,
  SNAPSHOT_FILE,
} from '../governance/kb-snapshot-file.ts';
import { planKbSync, renderKbSyncPlan } from '../governance/kb-sync.ts';
import { log } from '../output/logger.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { print } from '../output/print.ts';
import type { Outcome } from './index.ts';
import {
  addQualysOptions,
  openQualys,
  type QualysOptions,
} from './qualys-connection.ts';

export const KB_REFRESH_BRANCH = 'vmgov/kb-refresh';

interface KbOptions extends QualysOptions {
  root: string;
  pr?: boolean;
  base: string;
  yes?: boolean;
}

export function register(program: Command, outcome: Outcome): void {
  const kb = program
    .command('kb')
    .description('the Qualys KnowledgeBase facts policy relies on');
  addQualysOptions(
    kb
      .command('refresh')
      .description(
        'rewrite policy/kb-snapshot.yaml from Qualys for every QID policy names',
      )
      .option('--root <dir>', 'the policy repository root', '.')
      .option('--pr', 'open or update one pull request with the change')
      .option('--base <branch>', 'base branch of the pull request', 'main'),
  ).action(async (options: KbOptions) => {
    outcome.code = await refresh(options);
  });
  addQualysOptions(
    kb
      .command('sync')
      .description(
        'apply reclassified severities in Qualys (a dry run unless --yes)',
      )
      .option('--root <dir>', 'the policy repository root', '.')
      .option('--yes', 'edit the KnowledgeBase in Qualys'),
  ).action(async (options: KbOptions) => {
    outcome.code = await sync(options);
  });
}

async function refresh(options: KbOptions): Promise<number> {
  const github = options.pr ? gitHubFromEnv() : undefined;
  const today = todayFor();
  const model = await loadModel(options.root, today);
  const file = path.join(options.root, SNAPSHOT_FILE);
  const before = await readFile(file, 'utf8').catch(() => undefined);
  const snapshot = parseSnapshot(before);

  const qualys = await openQualys(options, options.root);
  let vulns;
  try {
    vulns = await qualys.client.listKb(policyQids(model), { details: 'All' });
  } finally {
    await qualys.close();
  }
  const result = refreshEntries(model, snapshot.entries, vulns, today);
  const text = renderSnapshot({ ...snapshot, entries: result.entries });

  for (const qid of result.missing)
    log.warn('Qualys does not know this QID; entry kept', { qid });
  for (const c of result.changes) {
    print(
      `QID ${c.qid}: ${c.fact} changed since the decision (was ${JSON.stringify(c.previous)})`,
    );
  }
  if (text === before) {
    print('The KnowledgeBase snapshot is up to date.');
    return 0;
  }
  if (options.simulator) {
    // Simulator facts are made up: they must never pass for Qualys's own
    // in the snapshot that validate trusts.
    print(
      `${SNAPSHOT_FILE} left as it is: with --simulator the refresh only ` +
        `shows what it would change (${result.entries.length} QIDs, ` +
        `${result.changes.length} changed facts).`,
    );
    return 0;
  }
  // A failure leaves the old snapshot whole.
  await writeFileAtomic(file, text);
  print(
    `${SNAPSHOT_FILE} rewritten: ${result.entries.length} QIDs, ${result.changes.length} changed facts.`,
  );
  if (!github) return 0;

  const pull = await github.upsertPullRequest({
    branch: KB_REFRESH_BRANCH,
    base: options.base,
    title: 'KnowledgeBase refresh',
    body: refreshPullRequestBody(result.changes, today),
    files: { [SNAPSHOT_FILE]: text },
    labels: ['kb-refresh'],
  });
  log.info('KB refresh pull request', {
    number: pull.number,
    action: pull.action,
  });
  return 0;
}

/** @throws UserError when an edit fails; the edits before it stay applied. */
async function sync(options: KbOptions): Promise<number> {
  const model = await loadModel(options.root, todayFor());
  const qualys = await openQualys(options, options.root);
  try {
    const plan = planKbSync(model, await qualys.client.listCustomizedKb());
    print(renderKbSyncPlan(plan));
    if (plan.edits.length === 0) return 0;
    if (!options.yes) {
      log.info(
        'dry run: nothing was edited; pass --yes to edit the KnowledgeBase',
      );
      return 0;
    }
    for (const edit of plan.edits) {
      try {
        await qualys.client.editKb(edit.qid, { severity: edit.to });
      } catch (error) {
        throw new UserError(
          `editing QID ${edit.qid} failed; earlier edits stay applied`,
          {
            hint: 'run `vmgov kb sync` again: it plans only what is still different',
            cause: error,
          },
        );
      }
      log.info('KnowledgeBase severity edited', { qid: edit.qid, to: edit.to });
    }
    return 0;
  } finally {
    await qualys.close();
  }
}
