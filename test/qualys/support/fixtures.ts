/**
 * The real Qualys outputs kept beside the repository, read in place. A
 * fresh clone has no such folder: the suites using them skip with a plain
 * reason, and CI always has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);

export const FIXTURES = path.resolve(
  repoRoot,
  '..',
  'shared',
  'fixtures',
  'qualys-public',
);

export const fixturesMissing = !existsSync(FIXTURES);

export const MISSING_REASON =
  'the real Qualys fixtures (../shared/fixtures/qualys-public) are missing';

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}
