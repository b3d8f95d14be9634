/**
 * `vmgov validate`: runs the policy pipeline and lists every problem.
 * Exit 0 when clean (warnings allowed), 1 when any error.
 */
import type { Command } from 'commander';

import { UsageError } from '../errors.ts';
import {
  formatProblemsJson,
  formatProblemsText,
  reportToGitHub,
} from '../output/problems.ts';
import { print } from '../output/print.ts';
import { loadPolicy } from '../policy/load.ts';
import { hasErrors } from '../policy/problem.ts';
import type { Outcome } from './index.ts';

interface ValidateOptions {
  root: string;
  format: string;
  today?: string;
}

export function register(program: Command, outcome: Outcome): void {
  program
    .command('validate')
    .description(
      'check the policy and unit files against the schemas and the rules',
    )
    .option('--root <dir>', 'the policy repository root', '.')
    .option('--format <format>', 'text or json', 'text')
    .option('--today <date>', 'the date the date rules use (YYYY-MM-DD)')
    .action(async (options: ValidateOptions) => {
      outcome.code = await validate(options);
    });
}

/** Throws UsageError for an unknown format or a bad --today. */
async function validate(options: ValidateOptions): Promise<number> {
  if (!['text', 'json'].includes(options.format)) {
    throw new UsageError(`unknown format "${options.format}"`, {
      hint: 'use --format text or --format json',
    });
  }

  const { problems } = await loadPolicy(options.root, { today: options.today });

  print(
    options.format === 'json'
      ? formatProblemsJson(problems)
      : formatProblemsText(problems),
  );
  if (process.env.GITHUB_ACTIONS === 'true') await reportToGitHub(problems);
  return hasErrors(problems) ? 1 : 0;
}
