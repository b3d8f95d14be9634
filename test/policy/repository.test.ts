import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { loadPolicy } from '../../scripts/policy/load.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The date the repository's review dates were last checked against.
const TODAY = '2026-12-03';

describe('the repository itself', () => {
  it('validates with no error and no warning', async () => {
    const { model, problems } = await loadPolicy(repoRoot, { today: TODAY });
    expect(problems).toEqual([]);
    expect(model).toBeDefined();
  });

  it('loads every unit file into the model', async () => {
    const files = readdirSync(new URL('../../units/', import.meta.url)).filter(
      (f) => f.endsWith('.yaml'),
    );
    const { model } = await loadPolicy(repoRoot, { today: TODAY });
    expect(model?.units.map((u) => u.file).sort()).toEqual(
      files.map((f) => `units/${f}`).sort(),
    );
    expect(files.length).toBeGreaterThanOrEqual(6);
  });
});
