/**
 * `vmgov apply`: makes Qualys match the repository. A dry run unless
 * --yes. Exit codes: 0 applied (or nothing to do, or a dry run), 1 refused
 * (checksum mismatch, broken limits, conflicts) or any group failed,
 * 2 usage or internal error, 4 changes pending in a dry run with
 * --detailed-exitcode.
 */
import type { Command } from 'commander';

import { UserError } from '../errors.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import { writeLastApplied } from '../sync/last-applied.ts';
import { hasChanges, refusals } from '../sync/plan.ts';
import { renderResults } from '../sync/render-results.ts';
import { renderText } from '../sync/render-text.ts';
import { applySync } from '../sync/session.ts';
import type { Outcome } from './index.ts';
import {
  addSyncOptions,
  CHANGES_PENDING,
  openSync,
  type SyncCommandOptions,
} from './plan.ts';
import { addQualysOptions } from './qualys-connection.ts';

interface ApplyOptions extends SyncCommandOptions {
  yes?: boolean;
  checksum?: string;
  detailedExitcode?: boolean;
}

export function register(program: Command, outcome: Outcome): void {
  const command = program
    .command('apply')
    .description('make Qualys match the repository (a dry run unless --yes)')
    .option('--yes', 'write to Qualys')
    .option('--checksum <sha256>', 'refuse unless the fresh plan has it')
    .option('--detailed-exitcode', 'exit 4 when a dry run has changes')
    .addHelpText(
      'after',
      '\nExit codes: 0 applied, nothing to do, or a dry run; 1 refused\n' +
        '(checksum mismatch, broken limits, conflicts) or a group failed;\n' +
        '2 usage or internal error; 4 a dry run with changes\n' +
        '(--detailed-exitcode).',
    );
  addSyncOptions(addQualysOptions(command)).action(
    async (options: ApplyOptions) => {
      outcome.code = await apply(options);
    },
  );
}

/**
 * @throws UserError when the fresh plan's checksum differs from --checksum
 *   or limits are broken without --allow-large-change; nothing is written.
 */
async function apply(options: ApplyOptions): Promise<number> {
  const sync = await openSync(options);
  try {
    const { plan, checksum } = sync.planned;
    print(renderText(plan, checksum));

    if (options.checksum && options.checksum !== checksum) {
      throw new UserError(
        `the plan changed since it was reviewed: reviewed ${options.checksum}, ` +
          `now ${checksum}; nothing was written`,
        { hint: 'review the new plan above and apply with its checksum' },
      );
    }
    const refused = refusals(plan, options.allowLargeChange ?? false);
    if (plan.limits.length > 0 && !options.allowLargeChange) {
      for (const reason of refused) log.error(reason);
      throw new UserError('limits broken: nothing was written', {
        hint: 'governance approves with the large-change label (--allow-large-change)',
      });
    }
    if (!options.yes) {
      log.info('dry run: nothing was written; pass --yes to apply');
      if (refused.length > 0) return 1;
      return hasChanges(plan) && options.detailedExitcode ? CHANGES_PENDING : 0;
    }

    const results = await applySync(sync.context, plan);
    print(renderResults(results));
    for (const reason of refused) log.error(reason);
    const failed = results.some((r) => r.outcome !== 'ok');
    if (failed || refused.length > 0) return 1;
    const commit = process.env.GITHUB_SHA;
    if (commit) await writeLastApplied(sync.store, { commit, checksum });
    return 0;
  } finally {
    await sync.close();
  }
}
