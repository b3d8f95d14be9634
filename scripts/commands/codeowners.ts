/**
 * `vmgov codeowners [--write]`: prints or writes .github/CODEOWNERS as the
 * units and the program generate it.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Command } from 'commander';

import { log } from '../output/logger.ts';
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
        await mkdir(dirname(path), { recursive: true });
        // Write then rename, so a failed write never leaves half a file.
        await writeFile(`${path}.tmp`, text);
        await rename(`${path}.tmp`, path);
        log.info('wrote CODEOWNERS', { file: CODEOWNERS_FILE });
      }
      outcome.code = 0;
    });
}
