/**
 * How `validate` shows its problems: text for people, JSON for programs,
 * and in GitHub Actions annotations on the lines plus the full list in the
 * step summary. GitHub shows at most 10 error and 10 warning annotations a
 * step, so the summary is where the rest are read.
 */
import * as core from '@actions/core';

import type { Problem } from '../policy/model.ts';

export const ANNOTATION_LIMIT = 10;

export function formatProblemsText(problems: Problem[]): string {
  const lines: string[] = [];
  for (const p of problems) {
    lines.push(
      `${p.at.file}:${p.at.line}:${p.at.col}  ${p.level}  ${p.rule}  ${p.message}`,
    );
    if (p.hint) lines.push(`    hint: ${p.hint}`);
  }
  lines.push(countLine(problems));
  return `${lines.join('\n')}\n`;
}

export function formatProblemsJson(problems: Problem[]): string {
  const { errors, warnings } = counts(problems);
  return `${JSON.stringify({ errors, warnings, problems }, null, 2)}\n`;
}

export function countLine(problems: Problem[]): string {
  const { errors, warnings } = counts(problems);
  if (errors === 0 && warnings === 0) return 'no problems found';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/**
 * Annotations within GitHub's per-step limits, and the whole list in the
 * step summary when the runner provides one. Returns the annotations made.
 */
export async function reportToGitHub(
  problems: Problem[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ errors: number; warnings: number }> {
  const made = { errors: 0, warnings: 0 };
  for (const p of problems) {
    const properties = {
      title: p.rule,
      file: p.at.file,
      startLine: p.at.line,
      startColumn: p.at.col,
    };
    const message = p.hint ? `${p.message}\nhint: ${p.hint}` : p.message;
    if (p.level === 'error' && made.errors < ANNOTATION_LIMIT) {
      core.error(message, properties);
      made.errors += 1;
    } else if (p.level === 'warning' && made.warnings < ANNOTATION_LIMIT) {
      core.warning(message, properties);
      made.warnings += 1;
    }
  }
  if (env.GITHUB_STEP_SUMMARY) await writeSummary(problems);
  return made;
}

async function writeSummary(problems: Problem[]): Promise<void> {
  const header = ['Where', 'Level', 'Rule', 'Problem', 'Hint'].map((data) => ({
    data,
    header: true,
  }));
  const rows = problems.map((p) => [
    `${p.at.file}:${p.at.line}:${p.at.col}`,
    p.level,
    p.rule,
    escapeHtml(p.message),
    escapeHtml(p.hint ?? ''),
  ]);
  core.summary
    .addHeading('Policy validation', 2)
    .addRaw(countLine(problems), true);
  if (rows.length > 0) core.summary.addTable([header, ...rows]);
  await core.summary.write();
}

function counts(problems: Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.level === 'error').length;
  return { errors, warnings: problems.length - errors };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
