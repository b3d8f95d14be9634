/**
 * What a rule is: a named check over the normalized model. Rules are pure;
 * the sources are there only to point at the exact line of a value.
 */
import type { PolicyModel, Problem } from '../model.ts';
import type { SourceFile } from '../source.ts';

export interface RuleContext {
  model: PolicyModel;
  /** YYYY-MM-DD; injectable so date rules are stable in tests. */
  today: string;
  sources: Map<string, SourceFile>;
  /** Files that could not be parsed or failed their schema. */
  unreadable: Set<string>;
  /** The committed .github/CODEOWNERS, undefined when absent. */
  codeowners: string | undefined;
}

export interface Rule {
  /** The rule ids this check can report. */
  ids: string[];
  check(context: RuleContext): Problem[];
}
