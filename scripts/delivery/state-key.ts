/**
 * State keys are relative slash paths (`ledger/2026-11.json`); anything
 * that could escape the store is refused before it reaches a file system
 * or the GitHub API.
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Checks a state key and returns it unchanged.
 * @throws Error when a segment is empty, `.`/`..`, or has other characters
 *   (a bug in the caller, not a user's mistake).
 */
export function checkStateKey(key: string): string {
  const segments = key.split('/');
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) {
    throw new Error(`invalid state key "${key}" (segment "${bad}")`);
  }
  return key;
}

/** Checks a prefix; '' (everything) and a trailing slash are allowed. */
export function checkStatePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed === '') return '';
  checkStateKey(trimmed);
  return prefix;
}
