import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  appendStepSummary,
  fitSummary,
  setStepOutput,
} from '../../scripts/output/summary.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vmgov-summary-'));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('appendStepSummary', () => {
  it('appends to the runner file, one call after another', async () => {
    const file = path.join(folder, 'summary.md');
    await writeFile(file, '');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);

    expect(await appendStepSummary('## Plan\n')).toBe(true);
    expect(await appendStepSummary('No changes.')).toBe(true);

    expect(await readFile(file, 'utf8')).toBe('## Plan\n\nNo changes.\n');
  });

  it('does nothing outside Actions', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');

    expect(await appendStepSummary('## Plan')).toBe(false);
  });
});

describe('fitSummary', () => {
  it('keeps a short summary as it is', () => {
    expect(fitSummary('a\nb', 100)).toBe('a\nb');
  });

  it('cuts at a line end within the byte limit', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `- unit ${i} é`);

    const fitted = fitSummary(lines.join('\n'), 200);

    expect(Buffer.byteLength(fitted)).toBe(189);
    expect(fitted).toBe(
      lines.slice(0, 9).join('\n') +
        '\n\n> **Truncated**: the step summary is limited to 1 MiB;' +
        " see the run's artifacts.\n",
    );
  });
});

describe('setStepOutput', () => {
  it('writes the output file in the runner format', async () => {
    const file = path.join(folder, 'output');
    await writeFile(file, '');
    vi.stubEnv('GITHUB_OUTPUT', file);

    expect(setStepOutput('changes', 3)).toBe(true);

    expect(await readFile(file, 'utf8')).toMatch(
      /^changes<<ghadelimiter_[\w-]+\n3\nghadelimiter_[\w-]+\n$/,
    );
  });

  it('does nothing outside Actions', () => {
    vi.stubEnv('GITHUB_OUTPUT', '');

    expect(setStepOutput('changes', 3)).toBe(false);
  });
});
