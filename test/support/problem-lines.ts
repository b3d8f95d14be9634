/**
 * Loads a test repository and returns its problems as the one-line form
 * `file:line:col level rule message`, which tables compare exactly.
 */
import { loadPolicy } from '../../scripts/policy/load.ts';
import { TODAY, writeRepo } from './policy-repo.ts';

export async function problemLines(
  files: Record<string, string | Uint8Array | null>,
  today = TODAY,
): Promise<string[]> {
  const root = await writeRepo(files);
  const { problems } = await loadPolicy(root, { today });
  return problems.map(
    (p) =>
      `${p.at.file}:${p.at.line}:${p.at.col} ${p.level} ${p.rule} ${p.message}`,
  );
}

/** One row of a rule table: files to change, the problems expected. */
export interface RuleCase {
  name: string;
  files: Record<string, string | null>;
  expected: string[];
}

/** The base text with one exact fragment replaced; throws if absent. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fragment not found: ${from}`);
  return text.replace(from, to);
}
