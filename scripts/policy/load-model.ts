/**
 * The model for commands that read the policy but do not validate it:
 * they go on when only rules complain (a review date, a stale CODEOWNERS),
 * and stop when a file cannot be read at all.
 */
import { InputError } from '../errors.ts';
import { log } from '../output/logger.ts';
import { loadPolicy } from './load.ts';
import type { PolicyModel } from './model.ts';

/** Throws InputError when a policy file cannot be parsed or fails its schema. */
export async function loadModel(root: string): Promise<PolicyModel> {
  const { model, problems } = await loadPolicy(root);
  const errors = problems.filter((p) => p.level === 'error');
  if (!model) {
    const first = errors[0];
    throw new InputError(
      first
        ? `${first.at.file}:${first.at.line}:${first.at.col} ${first.message}`
        : 'the policy repository cannot be read',
      { hint: 'run `vmgov validate` to see every problem' },
    );
  }
  if (errors.length > 0) {
    log.warn('the policy has errors; run `vmgov validate`', {
      errors: errors.length,
    });
  }
  return model;
}
