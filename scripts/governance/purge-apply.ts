/**
 * Applies a purge plan in batches. Each batch is written to the ledger as
 * pending before it is sent and as queued after, so a run stopped at any
 * point leaves a record the next run reads before choosing hosts.
 */
import type { StateStore } from '../delivery/state-store.ts';
import { UsageError } from '../errors.ts';
import { log } from '../output/logger.ts';
import type { QualysClient } from '../qualys/types.ts';
import {
  writeRunRecord,
  type PurgeLedger,
  type PurgeRunRecord,
} from './purge-ledger.ts';
import type { PurgeCandidate, PurgePlan } from './purge-plan.ts';

export const BATCH_SIZE = 100;

export interface PurgeApplyOptions {
  client: Pick<QualysClient, 'purgeHosts'>;
  store: StateStore;
  ledger: PurgeLedger;
  run: string;
  now: () => Date;
  /** Refuse above this many hosts; defaults to the plan's max_hosts_per_run. */
  max?: number;
  allowLarge?: boolean;
  batchSize?: number;
}

/**
 * Purges the plan's candidates and returns the run's audit record.
 * @throws UsageError when the plan is above the limit and not allowed;
 * rethrows a Qualys failure after recording how far the run got.
 */
export async function applyPurge(
  plan: PurgePlan,
  options: PurgeApplyOptions,
): Promise<PurgeRunRecord> {
  assertWithinLimit(plan, options);
  const record: PurgeRunRecord = {
    run: options.run,
    startedAt: options.now().toISOString(),
    status: 'running',
    cutoff: plan.cutoff,
    planned: plan.candidates.length,
    purged: [],
    uncertain: [],
  };
  await writeRunRecord(options.store, record);

  const size = options.batchSize ?? BATCH_SIZE;
  for (let start = 0; start < plan.candidates.length; start += size) {
    const batch = plan.candidates.slice(start, start + size);
    try {
      await purgeBatch(batch, record, options, plan.today);
    } catch (error) {
      record.status = 'interrupted';
      record.finishedAt = options.now().toISOString();
      record.error = error instanceof Error ? error.message : String(error);
      await writeRunRecord(options.store, record);
      throw error;
    }
    log.info('purge batch done', {
      purged: record.purged.length,
      of: plan.candidates.length,
    });
  }

  record.status = 'complete';
  record.finishedAt = options.now().toISOString();
  await writeRunRecord(options.store, record);
  return record;
}

async function purgeBatch(
  batch: PurgeCandidate[],
  record: PurgeRunRecord,
  options: PurgeApplyOptions,
  today: string,
): Promise<void> {
  const ids = batch.map((c) => c.id);
  await options.ledger.mark(ids, options.run, today, 'pending');
  try {
    await options.client.purgeHosts(ids);
  } catch (error) {
    if ((error as { maybeApplied?: boolean }).maybeApplied) {
      // Qualys may have queued them: never send these again within the wait.
      await options.ledger.mark(ids, options.run, today, 'uncertain');
      record.uncertain.push(...batch);
    } else {
      await options.ledger.forget(ids, options.run);
    }
    throw error;
  }
  await options.ledger.mark(ids, options.run, today, 'queued');
  record.purged.push(...batch);
}

function assertWithinLimit(plan: PurgePlan, options: PurgeApplyOptions): void {
  const limit = options.max ?? plan.maxHostsPerRun;
  if (options.allowLarge || plan.candidates.length <= limit) return;
  throw new UsageError(
    `the purge plan has ${plan.candidates.length} hosts, above the limit of ${limit} per run (purge.max_hosts_per_run in policy/program.yaml, or --max)`,
    { hint: 'check the plan; if it is right, run again with --allow-large' },
  );
}
