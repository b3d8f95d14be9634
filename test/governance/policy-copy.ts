/** A copy of this repository's policy in a temporary folder, to edit freely. */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

export function copyPolicy(): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'vmgov-policy-'));
  for (const folder of ['policy', 'units', 'schemas', '.github/CODEOWNERS']) {
    const from = path.join(REPO_ROOT, folder);
    if (existsSync(from))
      cpSync(from, path.join(root, folder), { recursive: true });
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
