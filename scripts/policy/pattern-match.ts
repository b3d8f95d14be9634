/**
 * Runs governance's regular expressions with a time limit. A pattern such
 * as `(a+)+$` can backtrack for hours on a long KB text; in a sandbox with
 * a timeout, V8 stops it and validate reports the pattern instead of
 * hanging CI.
 */
import { createContext, Script } from 'node:vm';

/** Far above what a sane pattern needs on a KB solution text. */
export const PATTERN_TIME_LIMIT_MS = 1_000;

/** A pattern that did not finish within the limit. */
export class PatternTooSlow extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern did not finish within ${PATTERN_TIME_LIMIT_MS} ms`);
    this.name = 'PatternTooSlow';
  }
}

const sandbox = createContext({ pattern: '', text: '' });
const test = new Script('new RegExp(pattern, "i").test(text)');

/**
 * Whether the case-insensitive pattern matches the text.
 * @throws PatternTooSlow when it runs past the limit.
 */
export function matchesWithin(
  pattern: string,
  text: string,
  limitMs = PATTERN_TIME_LIMIT_MS,
): boolean {
  sandbox.pattern = pattern;
  sandbox.text = text;
  try {
    return test.runInContext(sandbox, { timeout: limitMs }) === true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new PatternTooSlow(pattern);
    }
    throw error;
  }
}
