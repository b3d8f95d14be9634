/**
 * `vmgov codeowners [--write]`: prints or writes .github/CODEOWNERS as the
 * units and the program generate it.
 */
import { join } from 'node:path';

import type { Command } from 'commander';

import { log } from '../output/logger.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { print } from '../output/print.ts';
import { renderCodeowners } from '../policy/codeowners.ts';
import { CODEOWNERS_FILE } from '../policy/files.ts';
import { loadModel } from '../policy/load-model.ts';
import type { Outcome } from './index.ts';

interface CodeownersOptions {
  root: string;
  write?: boolean;
}

export function register(program: Command, outcome: Outcome): void {
  program
    .command('codeowners')
    .description('generate .github/CODEOWNERS from the units and the program')
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--write', `write ${CODEOWNERS_FILE} instead of printing it`)
    .action(async (options: CodeownersOptions) => {
      const text = renderCodeowners(await loadModel(options.root));
      if (!options.write) {
        print(text);
      } else {
        const path = join(options.root, CODEOWNERS_FILE);
        // A failed write never leaves half a file.
        await writeFileAtomic(path, text);
        log.info('wrote CODEOWNERS', { file: CODEOWNERS_FILE });
      }
      outcome.code = 0;
    });
}
