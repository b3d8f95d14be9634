/**
 * What every governance command starts from: today's date, the policy
 * model (usable even when validate reports errors such as an overdue
 * review, which the chores exist to handle), and GitHub when asked.
 */
import { InputError, UsageError } from '../errors.ts';
import { githubContextFromEnv } from '../github/context.ts';
import { openGitHub } from '../github/open.ts';
import type { GitHubApi } from '../github/types.ts';
import { log } from '../output/logger.ts';
import { loadPolicy, resolveToday } from '../policy/load.ts';
import type { PolicyModel } from '../policy/model.ts';

export function todayFor(env: NodeJS.ProcessEnv = process.env): string {
  return resolveToday({ env });
}

/**
 * @throws InputError when the policy cannot be read into a model at all
 * (YAML or schema errors); rule errors are logged as a warning.
 */
export async function loadModel(
  root: string,
  today: string,
): Promise<PolicyModel> {
  const { model, problems } = await loadPolicy(root, { today });
  const errors = problems.filter((p) => p.level === 'error');
  if (!model) {
    const first = errors
      .slice(0, 5)
      .map((p) => `${p.at.file}:${p.at.line}: ${p.message}`)
      .join('; ');
    throw new InputError(`the policy repository cannot be read: ${first}`, {
      hint: 'run `vmgov validate` and fix the errors it lists',
    });
  }
  if (errors.length > 0) {
    log.warn('the policy has validate errors; continuing with what it says', {
      errors: errors.length,
    });
  }
  return model;
}

/**
 * GitHub from the workflow's environment.
 * @throws UsageError naming GITHUB_TOKEN or GITHUB_REPOSITORY when missing.
 */
export function gitHubFromEnv(env: NodeJS.ProcessEnv = process.env): GitHubApi {
  const context = githubContextFromEnv(env);
  const absent = [
    context.token ? undefined : 'GITHUB_TOKEN',
    context.repository ? undefined : 'GITHUB_REPOSITORY',
  ].filter((name): name is string => name !== undefined);
  if (!context.token || !context.repository) {
    throw new UsageError(`--github needs ${absent.join(' and ')}`, {
      hint: 'run it in the workflow, or set them for a local try',
    });
  }
  return openGitHub({
    token: context.token,
    repository: context.repository,
    apiUrl: context.apiUrl,
    runUrl: context.runUrl,
  });
}
