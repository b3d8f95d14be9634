/**
 * A simulator dataset generated from a policy repository, as `vmgov sim
 * --seed-from-root` and every command's `--simulator` start it.
 */
import { loadPolicyOrThrow, resolveToday } from '../policy/load.ts';
import type { SimData } from './data.ts';
import { generateSimData, type GenerateOptions } from './generate.ts';
import { layoutFromPolicy } from './layout.ts';

/**
 * @throws InputError when the repository has errors; UsageError for a bad
 * VMGOV_TODAY.
 */
export async function simDataFromRoot(
  root: string,
  options: GenerateOptions & { seed?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<SimData> {
  const model = await loadPolicyOrThrow(root, { env: options.env });
  const today = resolveToday({ env: options.env });
  const now = options.now ?? new Date(`${today}T12:00:00Z`);
  return generateSimData(layoutFromPolicy(model), options.seed ?? 1, {
    ...options,
    now,
  });
}
