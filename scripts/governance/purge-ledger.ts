/**
 * What purges have done, in the state store: `purge/purged.json` remembers
 * every host a run sent to Qualys (written before and after each batch), so
 * an interrupted run's re-run never purges a host twice; `purge/runs/…`
 * keeps one audit record per run.
 */
import type { StateStore } from '../delivery/state-store.ts';
import { addDays } from './dates.ts';
import type { PurgeCandidate } from './purge-plan.ts';

export const LEDGER_KEY = 'purge/purged.json';
/** Qualys purges asynchronously; a host still listed this soon after is waiting. */
export const WAIT_DAYS = 14;

export type PurgeOutcome = 'pending' | 'queued' | 'uncertain';

interface LedgerEntry {
  run: string;
  on: string;
  outcome: PurgeOutcome;
}

export interface PurgeRunRecord {
  run: string;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'complete' | 'interrupted';
  cutoff: string;
  planned: number;
  purged: PurgeCandidate[];
  uncertain: PurgeCandidate[];
  error?: string;
}

export class PurgeLedger {
  private constructor(
    private readonly store: StateStore,
    private readonly hosts: Record<string, LedgerEntry>,
  ) {}

  /** @throws when the stored ledger is not JSON (someone edited it by hand). */
  static async open(store: StateStore): Promise<PurgeLedger> {
    const text = await store.read(LEDGER_KEY);
    const parsed = text
      ? (JSON.parse(text) as { hosts?: Record<string, LedgerEntry> })
      : {};
    return new PurgeLedger(store, parsed.hosts ?? {});
  }

  /** Hosts sent to Qualys within WAIT_DAYS, with who sent them. */
  recent(today: string): Map<string, string> {
    const since = addDays(today, -WAIT_DAYS);
    const out = new Map<string, string>();
    for (const [id, entry] of Object.entries(this.hosts)) {
      if (entry.on >= since)
        out.set(id, `run ${entry.run} on ${entry.on} (${entry.outcome})`);
    }
    return out;
  }

  async mark(
    ids: readonly string[],
    run: string,
    on: string,
    outcome: PurgeOutcome,
  ): Promise<void> {
    for (const id of ids) this.hosts[id] = { run, on, outcome };
    await this.save(`purge: ${ids.length} hosts ${outcome} (run ${run})`);
  }

  /** A batch Qualys refused outright: nothing was purged, try again next run. */
  async forget(ids: readonly string[], run: string): Promise<void> {
    for (const id of ids) delete this.hosts[id];
    await this.save(`purge: ${ids.length} hosts not purged (run ${run})`);
  }

  private async save(message: string): Promise<void> {
    const sorted = Object.fromEntries(
      Object.entries(this.hosts).sort(
        ([a], [b]) => Number(a) - Number(b) || a.localeCompare(b),
      ),
    );
    await this.store.write(
      LEDGER_KEY,
      `${JSON.stringify({ hosts: sorted }, null, 2)}\n`,
      message,
    );
  }
}

export function runRecordKey(record: PurgeRunRecord): string {
  return `purge/runs/${record.startedAt.slice(0, 10)}-${record.run}.json`;
}

export async function writeRunRecord(
  store: StateStore,
  record: PurgeRunRecord,
): Promise<void> {
  await store.write(
    runRecordKey(record),
    `${JSON.stringify(record, null, 2)}\n`,
    `purge run ${record.run}: ${record.status}, ${record.purged.length} purged`,
  );
}

/** The run's name in records: the Actions run, or a local timestamp. */
export function runId(env: NodeJS.ProcessEnv, now: Date): string {
  if (env.GITHUB_RUN_ID)
    return `gha-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return `local-${now.toISOString().replace(/[:.]/g, '').slice(0, 15)}`;
}
