/**
 * Applies a plan to Qualys. Each group is written on its own, and one
 * failure does not stop the others; a write with an unclear outcome is
 * never re-sent: the read-back decides whether it took. All touched
 * groups are read back in one list call and checked against the plan.
 */
import { log } from '../output/logger.ts';
import { QualysAuthError, QualysLimitError } from '../qualys/errors.ts';
import type { QualysClient } from '../qualys/types.ts';
import { fieldDifferences } from './group-fields.ts';
import { ownershipOf } from './marker.ts';
import type { GroupChange, Plan } from './types.ts';

export type Outcome = 'ok' | 'failed' | 'skipped';

export interface ApplyResult {
  title: string;
  action: string;
  outcome: Outcome;
  detail: string;
}

interface Attempt {
  change: GroupChange;
  id?: string;
  /** Set when the write failed for sure. */
  failure?: string;
  unclear?: boolean;
}

/**
 * Writes the plan's group changes and verifies them.
 * @throws QualysAuthError: without credentials nothing can be applied.
 */
export async function applyGroups(
  plan: Plan,
  client: QualysClient,
): Promise<ApplyResult[]> {
  const attempts: Attempt[] = [];
  let stopped: string | undefined;
  for (const change of plan.units.flatMap((u) => u.changes)) {
    if (change.action === 'orphan') continue;
    if (stopped) {
      attempts.push({ change, failure: stopped });
      continue;
    }
    const attempt = await writeOne(change, client, plan.marker);
    if (attempt.failure?.startsWith('API limit')) stopped = attempt.failure;
    attempts.push(attempt);
  }
  return verify(attempts, client, plan.marker);
}

async function writeOne(
  change: GroupChange,
  client: QualysClient,
  marker: string,
): Promise<Attempt> {
  const fields = change.fields;
  try {
    if (change.action === 'create' && fields) {
      const id = await client.addAssetGroup({ title: change.title, ...fields });
      return { change, id };
    }
    if (change.action === 'update' && change.id && fields) {
      await client.editAssetGroup(change.id, {
        setIps: fields.ips,
        setApplianceIds: fields.applianceIds,
        setDefaultApplianceId: fields.defaultApplianceId,
        setBusinessImpact: fields.businessImpact,
        setDivision: fields.division,
        setComments: fields.comments,
      });
      return { change, id: change.id };
    }
    if (change.action === 'delete' && change.id) {
      await client.deleteAssetGroup(change.id);
      return { change, id: change.id };
    }
    return { change, failure: 'the plan entry is incomplete' };
  } catch (error) {
    if (error instanceof QualysAuthError) throw error;
    if (error instanceof QualysLimitError) {
      const at = error.retryAt.toISOString();
      return { change, failure: `API limit reached; run again after ${at}` };
    }
    const text = error instanceof Error ? error.message : String(error);
    if (!maybeApplied(error)) return { change, failure: text };
    log.warn('write outcome unclear, reading back', {
      group: change.title,
      error: text,
    });
    if (change.action !== 'create')
      return { change, id: change.id, unclear: true };
    const found = await client.listAssetGroups({ title: change.title });
    const ours = found.find(
      (g) => ownershipOf(g.comments, marker).kind === 'ours',
    );
    if (!ours) return { change, failure: `not applied (${text}); run again` };
    return { change, id: ours.id, unclear: true };
  }
}

async function verify(
  attempts: Attempt[],
  client: QualysClient,
  marker: string,
): Promise<ApplyResult[]> {
  const ids = attempts.flatMap((a) => (a.failure || !a.id ? [] : [a.id]));
  const groups = ids.length > 0 ? await client.listAssetGroups({ ids }) : [];
  const byId = new Map(groups.map((g) => [g.id, g]));

  return attempts.map(({ change, id, failure, unclear }) => {
    const base = { title: change.title, action: change.action };
    if (failure) {
      const outcome = failure.startsWith('API limit') ? 'skipped' : 'failed';
      return { ...base, outcome, detail: failure };
    }
    const group = id ? byId.get(id) : undefined;
    const note = unclear ? ' after an unclear answer' : '';
    if (change.action === 'delete') {
      return group
        ? {
            ...base,
            outcome: 'failed',
            detail: `group ${id} is still there${note}`,
          }
        : { ...base, outcome: 'ok', detail: `deleted${note}` };
    }
    if (!group) {
      return {
        ...base,
        outcome: 'failed',
        detail: `group ${id} not found on read-back${note}`,
      };
    }
    const differs = change.fields ? fieldDifferences(change.fields, group) : [];
    if (ownershipOf(group.comments, marker).kind !== 'ours')
      differs.push('marker');
    if (differs.length > 0) {
      return {
        ...base,
        outcome: 'failed',
        detail: `read-back differs: ${differs.join(', ')}${note}`,
      };
    }
    return { ...base, outcome: 'ok', detail: `verified, id ${id}${note}` };
  });
}

function maybeApplied(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'maybeApplied' in error &&
    error.maybeApplied === true
  );
}
