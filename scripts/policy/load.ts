/**
 * The loading pipeline every command starts from: read → parse → schema →
 * normalize → rules. It reports every problem at once; callers that need a
 * sound model use loadPolicyOrThrow.
 */
import { isDay } from '../dates.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { setting } from '../env.ts';
import { InputError, UsageError } from '../errors.ts';
import { log } from '../output/logger.ts';
import { CODEOWNERS_FILE } from './files.ts';
import type { PolicyModel, Problem } from './model.ts';
import { normalize } from './normalize.ts';
import { sortProblems } from './problem.ts';
import { readRepository } from './read.ts';
import { RULES } from './rules/index.ts';

export interface LoadOptions {
  /** YYYY-MM-DD used by the date rules; default VMGOV_TODAY or today (UTC). */
  today?: string;
  env?: NodeJS.ProcessEnv;
}

export interface LoadResult {
  model: PolicyModel | undefined;
  problems: Problem[];
}

/** Throws UsageError when `today` is given but is not YYYY-MM-DD. */
export async function loadPolicy(
  root: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const today = resolveToday(options);
  const read = await readRepository(root);
  const normalized = normalize(root, read.sources);
  const problems = [...read.problems, ...normalized.problems];
  if (!normalized.model)
    return { model: undefined, problems: sortProblems(problems) };

  const context = {
    model: normalized.model,
    today,
    sources: read.sources,
    unreadable: read.failed,
    codeowners: await readOptional(join(root, CODEOWNERS_FILE)),
  };
  for (const rule of RULES) problems.push(...rule.check(context));
  return { model: normalized.model, problems: sortProblems(problems) };
}

/**
 * The model, or an InputError listing the first errors with file:line.
 * Warnings are logged. Throws InputError when any error-level problem exists.
 */
export async function loadPolicyOrThrow(
  root: string,
  options: LoadOptions = {},
): Promise<PolicyModel> {
  const { model, problems } = await loadPolicy(root, options);
  const errors = problems.filter((p) => p.level === 'error');
  for (const p of problems.filter((q) => q.level === 'warning')) {
    log.warn(`${p.at.file}:${p.at.line}:${p.at.col} ${p.rule} ${p.message}`);
  }
  if (errors.length > 0 || !model) {
    const shown = errors
      .slice(0, 5)
      .map(
        (p) => `  ${p.at.file}:${p.at.line}:${p.at.col} ${p.rule} ${p.message}`,
      );
    const more =
      errors.length > 5 ? [`  ... and ${errors.length - 5} more`] : [];
    throw new InputError(
      [
        `the policy repository has ${errors.length} error(s):`,
        ...shown,
        ...more,
      ].join('\n'),
      { hint: 'run `vmgov validate` to see every problem with a hint' },
    );
  }
  return model;
}

export function resolveToday(options: LoadOptions): string {
  const env = options.env ?? process.env;
  const today =
    options.today ??
    setting(env, 'VMGOV_TODAY') ??
    new Date().toISOString().slice(0, 10);
  if (!isDay(today)) {
    // Name where the bad date came from: report and audit have no --today.
    const origin = options.today === undefined ? 'VMGOV_TODAY' : '--today';
    throw new UsageError(`${origin} "${today}" is not a date`, {
      hint: `give ${origin} as a real day, YYYY-MM-DD (e.g. 2026-11-30)`,
    });
  }
  return today;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
