/**
 * Where a plan goes besides the terminal: the pull-request comment (one,
 * kept up to date) and, for drift, one issue per unit. Every GitHub call
 * goes through the GitHub room's interface.
 */
import type { GitHubApi } from '../github/types.ts';
import { log } from '../output/logger.ts';
import { NO_ADDRESSES } from './address-count.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { Plan, UnitPlan } from './types.ts';

export const PLAN_COMMENT_MARKER = 'vmgov:plan';
/** Comment bodies past this size switch to the compact form. */
const COMMENT_BUDGET = 60_000;

/** The comment body: the full plan, or its compact form when too long. */
export function planCommentBody(plan: Plan, checksum: string): string {
  const full = renderMarkdown(plan, checksum);
  if (full.length <= COMMENT_BUDGET) return full;
  const compact = renderMarkdown(plan, checksum, { compact: true });
  return (
    `${compact}\n_The range lists are left out to fit a comment; ` +
    'the full plan is in the `plan` artifact of this run._\n'
  );
}

export function noPlanBody(reason: string): string {
  return `### Qualys plan\n\nNo plan ran: ${reason}\n`;
}

export async function publishComment(
  github: GitHubApi,
  pullNumber: number,
  body: string,
): Promise<void> {
  const result = await github.upsertComment(
    pullNumber,
    PLAN_COMMENT_MARKER,
    body,
  );
  log.info('plan comment', { action: result.action, url: result.url });
}

export function driftMarker(unit: string): string {
  return `vmgov:drift:${unit}`;
}

/** Opens or updates one issue per unit whose Qualys groups drifted. */
export async function publishDrift(
  github: GitHubApi,
  plan: Plan,
  checksum: string,
): Promise<void> {
  for (const unit of plan.units) {
    const body = driftBody(plan, unit, checksum);
    const result = await github.findOrCreateIssue(
      `Qualys drift: unit ${unit.unit}`,
      driftMarker(unit.unit),
      body,
      ['drift', `unit:${unit.unit}`],
    );
    log.info('drift issue', {
      unit: unit.unit,
      action: result.action,
      url: result.url,
    });
  }
}

function driftBody(plan: Plan, unit: UnitPlan, checksum: string): string {
  const one: Plan = {
    ...plan,
    units: [unit],
    exclusions: {
      add: [],
      remove: [],
      unmanaged: [],
      addCount: NO_ADDRESSES,
      removeCount: NO_ADDRESSES,
    },
    conflicts: plan.conflicts.filter((c) => c.unit === unit.unit),
    limits: plan.limits.filter((l) => l.scope === unit.unit),
  };
  return (
    'Qualys no longer matches the repository for this unit although `main` ' +
    'has not changed since the last sync: someone edited a managed group ' +
    'in Qualys. The next sync puts it back as the YAML says; to keep the ' +
    "Qualys edit, change the unit's YAML in a pull request.\n\n" +
    renderMarkdown(one, checksum)
  );
}
