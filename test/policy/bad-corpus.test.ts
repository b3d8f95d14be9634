import { readFileSync, readdirSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { main } from '../../scripts/cli.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { setPrintSink } from '../../scripts/output/print.ts';
import { TODAY, removeRepos, writeRepo } from '../support/policy-repo.ts';

afterAll(removeRepos);

const folder = new URL('../fixtures/bad/', import.meta.url);

interface BadCase {
  name: string;
  bytes: Buffer;
  target: string;
  expected: string;
}

/** Each bad file says in its header where it goes and what it must raise. */
function readCases(): BadCase[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(new URL(name, folder));
      const head = bytes.subarray(0, 400).toString('latin1');
      const target = /^# target: (\S+)$/m.exec(head)?.[1] ?? '';
      const expect = /^# expect: (\S+) (\S+) (\S+)$/m.exec(head);
      const [where = '', level = '', rule = ''] = expect?.slice(1) ?? [];
      const at = /^\d/.test(where) ? `${target}:${where}` : where;
      return { name, bytes, target, expected: `${at}  ${level}  ${rule}  ` };
    });
}

async function validate(root: string): Promise<{ code: number; out: string }> {
  let out = '';
  const restorePrint = setPrintSink((text) => (out += text));
  const restoreLog = setSink(() => undefined);
  try {
    const code = await main(['validate', '--root', root, '--today', TODAY]);
    return { code, out };
  } finally {
    restorePrint();
    restoreLog();
  }
}

const cases = readCases();

describe('the corpus of bad files', () => {
  it('holds at least 40 files, each with a target and an expected problem', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases)
      expect(c.expected, c.name).toMatch(/^\S+:\d+:\d+ {2}error {2}\S+ {2}$/);
  });

  it.each(cases)('$name is reported on its line and fails', async (c) => {
    const root = await writeRepo({ [c.target]: c.bytes });
    const { code, out } = await validate(root);

    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(
      lines.some((line) => line.startsWith(c.expected)),
      `${c.expected}\n${out}`,
    ).toBe(true);
  });
});
