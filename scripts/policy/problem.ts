/**
 * Building problems: every stage of the pipeline reports through these so
 * the wording and the sort order stay the same everywhere.
 */
import type { Location, Problem } from './model.ts';

export function error(
  rule: string,
  at: Location,
  message: string,
  hint?: string,
): Problem {
  return { level: 'error', rule, message, at, ...(hint ? { hint } : {}) };
}

export function warning(
  rule: string,
  at: Location,
  message: string,
  hint?: string,
): Problem {
  return { level: 'warning', rule, message, at, ...(hint ? { hint } : {}) };
}

export function fileStart(file: string): Location {
  return { file, line: 1, col: 1 };
}

/** Where a location is written in messages: `units/med.yaml:12`. */
export function where(at: Location): string {
  return `${at.file}:${at.line}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.at.file.localeCompare(b.at.file) ||
      a.at.line - b.at.line ||
      a.at.col - b.at.col ||
      a.rule.localeCompare(b.rule),
  );
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.level === 'error');
}
