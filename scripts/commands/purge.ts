/**
 * `vmgov purge plan|apply`: hosts no scan has seen for more than
 * purge.stale_after_days, listed by unit; `apply` purges them only with
 * --yes, within the per-run limit, recording every batch in the state
 * store so an interrupted run's re-run purges nothing twice.
 */
import type { Command } from 'commander';

import { openStateStore } from '../delivery/state-store.ts';
import { UsageError } from '../errors.ts';
import { loadModel, todayFor } from '../governance/context.ts';
import { addDays } from '../governance/dates.ts';
import { applyPurge } from '../governance/purge-apply.ts';
import { PurgeLedger, runId } from '../governance/purge-ledger.ts';
import { planPurge, type PurgePlan } from '../governance/purge-plan.ts';
import { renderPurgePlan, renderPurgeRun } from '../governance/purge-render.ts';
import { unitLookup } from '../governance/unit-index.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import type { Outcome } from './index.ts';
import {
  addQualysOptions,
  openQualys,
  type QualysOptions,
} from './qualys-connection.ts';

interface PurgeOptions extends QualysOptions {
  root: string;
  yes?: boolean;
  max?: string;
  allowLarge?: boolean;
}

export function register(program: Command, outcome: Outcome): void {
  const purge = program
    .command('purge')
    .description(
      'remove hosts no scan has seen for more than purge.stale_after_days',
    );
  addQualysOptions(
    purge
      .command('plan')
      .description('list the stale hosts by unit; changes nothing')
      .option('--root <dir>', 'the policy repository root', '.'),
  ).action(async (options: PurgeOptions) => {
    outcome.code = await run(options, false);
  });
  addQualysOptions(
    purge
      .command('apply')
      .description('purge the stale hosts (a dry run unless --yes)')
      .option('--root <dir>', 'the policy repository root', '.')
      .option('--yes', 'purge in Qualys')
      .option(
        '--max <n>',
        'refuse above this many hosts (default purge.max_hosts_per_run)',
      )
      .option('--allow-large', 'purge even above the limit'),
  ).action(async (options: PurgeOptions) => {
    outcome.code = await run(options, true);
  });
}

/**
 * @throws UsageError for a bad --max or a plan above the limit; Qualys
 *   errors after recording how far the run got.
 */
async function run(options: PurgeOptions, apply: boolean): Promise<number> {
  const max = parseMax(options.max);
  const today = todayFor();
  const model = await loadModel(options.root, today);
  const store = openStateStore({ root: options.root });
  const ledger = await PurgeLedger.open(store);
  const qualys = await openQualys(options, options.root);
  try {
    const cutoff = addDays(today, -model.program.purge.staleAfterDays);
    const hosts = await qualys.client.listHosts({ noVmScanSince: cutoff });
    const plan: PurgePlan = planPurge(hosts, model, unitLookup(model), {
      today,
      recentlyPurged: ledger.recent(today),
    });
    print(renderPurgePlan(plan));
    if (!apply) return 0;
    if (!options.yes) {
      log.info('dry run: nothing was purged; pass --yes to purge');
      return 0;
    }
    if (plan.candidates.length === 0) return 0;

    const record = await applyPurge(plan, {
      client: qualys.client,
      store,
      ledger,
      run: runId(process.env, new Date()),
      now: () => new Date(),
      max,
      allowLarge: options.allowLarge,
    });
    print(renderPurgeRun(record));
    return 0;
  } finally {
    await qualys.close();
  }
}

/** @throws UsageError unless a positive whole number. */
function parseMax(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const max = Number(text);
  if (!Number.isInteger(max) || max < 1) {
    throw new UsageError(
      `--max must be a positive whole number, not "${text}"`,
      {
        hint: 'for example --max 500',
      },
    );
  }
  return max;
}
