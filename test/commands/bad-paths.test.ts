/**
 * Paths and ports the user gets wrong end in a plain error and exit 2,
 * never an "internal error", and leave nothing half-written behind.
 */
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { systemErrorAsUsage } from '../../scripts/output/fs-errors.ts';
import { runCli } from '../support/run-cli.ts';

const HINT =
  'hint: check the path (--out, --outbox, VMGOV_STATE_DIR): it must lead ' +
  'to a folder you can write';

let scratch: string;
let file: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'vmgov-bad-paths-'));
  file = path.join(scratch, 'a-file');
  await writeFile(file, 'x');
});

describe('paths the user gives', () => {
  it('plan --out naming a folder: refused, no temporary file left', async () => {
    const folder = path.join(scratch, 'plan-folder');
    await mkdir(folder);

    const { code, err } = await runCli([
      'plan',
      '--simulator',
      '--out',
      folder,
    ]);

    expect(code).toBe(2);
    expect(err).toContain(
      `error: ${folder} is a folder, where a file is needed\n${HINT}\n`,
    );
    expect(err).not.toContain('internal error');
    expect((await readdir(scratch)).sort()).toEqual(['a-file', 'plan-folder']);
  });

  it('governance page --out below a file', async () => {
    const out = path.join(file, 'page');

    const { code, err } = await runCli(['governance', 'page', '--out', out]);

    expect(code).toBe(2);
    expect(err).toContain(
      `error: ${out}: part of the path is a file, not a folder\n${HINT}\n`,
    );
  });

  it('VMGOV_STATE_DIR naming a file', async () => {
    const saved = process.env.VMGOV_STATE_DIR;
    process.env.VMGOV_STATE_DIR = file;
    try {
      const { code, err } = await runCli([
        'report',
        '--simulator',
        '--outbox',
        path.join(scratch, 'outbox'),
      ]);

      expect(code).toBe(2);
      expect(err).toMatch(
        new RegExp(
          `error: ${file}/[^:]+: part of the path is a file, not a folder\n`,
        ),
      );
    } finally {
      if (saved === undefined) delete process.env.VMGOV_STATE_DIR;
      else process.env.VMGOV_STATE_DIR = saved;
    }
  });

  it.each([
    ['EACCES', 'no permission to write /srv/out/x.eml'],
    ['EROFS', '/srv/out/x.eml is on a read-only file system'],
    ['ENOSPC', 'no space left on the disk for /srv/out/x.eml'],
  ])('says %s as %j', (code, message) => {
    // The shape Node gives these errors; as root they cannot be provoked.
    const error = Object.assign(new Error(`${code}: open`), {
      code,
      syscall: 'open',
      path: '/srv/out/x.eml',
    });

    expect(systemErrorAsUsage(error)?.message).toBe(message);
  });

  it('leaves other errors to be reported as bugs', () => {
    expect(systemErrorAsUsage(new TypeError('x is undefined'))).toBe(undefined);
  });
});

describe('vmgov sim --port', () => {
  it('refuses a number that is not a port', async () => {
    const { code, err } = await runCli(['sim', '--port', '99999']);

    expect(code).toBe(2);
    expect(err).toBe(
      'error: --port 99999 is not a port\n' +
        'hint: give 1 to 65535, or 0 for any free one\n',
    );
  });

  it('says a port in use is in use', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    try {
      const { code, err } = await runCli(['sim', '--port', String(port)]);

      expect(code).toBe(2);
      expect(err).toContain(
        `error: port ${port} is in use\n` +
          'hint: give another --port, or 0 for any free one\n',
      );
    } finally {
      taken.close();
    }
  });
});
