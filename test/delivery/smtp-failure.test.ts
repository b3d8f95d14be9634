import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deliver } from '../../scripts/delivery/deliver.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { startSmtpServer } from '../support/smtp-server.ts';
import { executiveMail } from './mail-fixture.ts';

// Every URL carries these credentials; no error text may repeat them.
const USERINFO = 'vmgov:secret-pw-42';
const PASSWORD = 'secret-pw-42';

let stateFolder: string;
let closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'vmgov-smtp-failure-'));
  stateFolder = path.join(root, '.state');
});

afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function plainSmtp(): Promise<number> {
  const smtp = await startSmtpServer();
  closers.push(() => smtp.close());
  return smtp.port;
}

/** Implicit TLS with smtp-server's own built-in (untrusted) certificate. */
async function tlsSmtp(): Promise<number> {
  const server = new SMTPServer({
    secure: true,
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
  });
  // The client hanging up mid-handshake is expected here, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.server.address() as AddressInfo).port;
}

const fixed = (expected: string) => (port: number) =>
  expected.replaceAll('PORT', String(port));

type Scenario = [
  name: string,
  start: () => Promise<number>,
  url: (port: number) => string,
  expected: (port: number) => string,
];

const SCENARIOS: Scenario[] = [
  [
    'smtps:// to a server without TLS',
    plainSmtp,
    (port) => `smtps://${USERINFO}@127.0.0.1:${port}`,
    fixed(
      'the server at 127.0.0.1:PORT does not speak TLS here: use smtp:// (STARTTLS, usually port 587) instead of smtps://',
    ),
  ],
  [
    'a port nothing listens on',
    closedPort,
    (port) => `smtp://${USERINFO}@127.0.0.1:${port}`,
    fixed(
      'nothing listens at 127.0.0.1:PORT: check the host and port of the SMTP URL',
    ),
  ],
  [
    'a host that does not exist',
    () => Promise.resolve(2525),
    () => `smtp://${USERINFO}@nowhere.invalid:2525`,
    fixed('the SMTP host nowhere.invalid is not known: check its spelling'),
  ],
  [
    'a server that never greets',
    () => listen(createServer(() => undefined)),
    (port) => `smtp://${USERINFO}@127.0.0.1:${port}?greetingTimeout=300`,
    fixed(
      'the server at 127.0.0.1:PORT sent no SMTP greeting: if it expects TLS from the start (usually port 465), use smtps:// instead of smtp://',
    ),
  ],
  [
    'a server that falls silent after its greeting',
    () =>
      listen(
        createServer((socket) => {
          socket.write('220 mail.example.edu ESMTP\r\n');
          socket.once('data', () =>
            socket.write('250-mail.example.edu\r\n250 AUTH PLAIN\r\n'),
          );
        }),
      ),
    (port) => `smtp://${USERINFO}@127.0.0.1:${port}?socketTimeout=300`,
    fixed('the server at 127.0.0.1:PORT stopped answering: try again later'),
  ],
  [
    'a wrong password',
    async () => {
      const smtp = await startSmtpServer({
        auth: { user: 'vmgov', password: 'right-pw-42' },
      });
      closers.push(() => smtp.close());
      return smtp.port;
    },
    (port) => `smtp://${USERINFO}@127.0.0.1:${port}`,
    fixed(
      'the server at 127.0.0.1:PORT refused the login (535): check the user name and password in the SMTP URL',
    ),
  ],
  [
    'a server that hangs up at once',
    () => listen(createServer((socket) => socket.destroy())),
    (port) => `smtp://${USERINFO}@127.0.0.1:${port}`,
    fixed(
      'the server at 127.0.0.1:PORT closed the connection unexpectedly: check the scheme and port of the SMTP URL, or try again later',
    ),
  ],
];

async function failureText(url: string): Promise<string | undefined> {
  const [result] = await deliver(
    [executiveMail('law', ['sysadmin@law.example.edu'])],
    { smtpUrl: url, ledger: openLedger(new LocalStateStore(stateFolder)) },
  );
  expect(result.status).toBe('failed');
  return result.error;
}

describe('SMTP failures', () => {
  it.each(SCENARIOS)(
    'says plainly what is wrong with %s',
    async (_name, start, url, expected) => {
      const port = await start();

      const error = await failureText(url(port));

      expect(error).toBe(`sysadmin@law.example.edu: ${expected(port)}`);
    },
  );

  it('tries no further recipient once the server cannot be reached', async () => {
    const port = await closedPort();
    const reason = `nothing listens at 127.0.0.1:${port}: check the host and port of the SMTP URL`;

    const [result] = await deliver(
      [
        executiveMail('med-it', [
          'it@med.example.edu',
          'cio@med.example.edu',
          'dean@med.example.edu',
        ]),
      ],
      {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        ledger: openLedger(new LocalStateStore(stateFolder)),
      },
    );

    expect(result).toMatchObject({
      status: 'failed',
      failed: [
        'it@med.example.edu',
        'cio@med.example.edu',
        'dean@med.example.edu',
      ],
      error: `it@med.example.edu: ${reason}; cio@med.example.edu, dean@med.example.edu: not tried: ${reason}`,
    });
  });

  // Each try at a silent server waits for the greeting timeout (30 s by
  // default): a month of messages would take hours.
  it('waits for a silent server once, not once per message', async () => {
    let connections = 0;
    const port = await listen(createServer(() => (connections += 1)));

    const results = await deliver(
      [
        executiveMail('law', ['a@law.example.edu', 'b@law.example.edu']),
        executiveMail('med-it', ['c@med.example.edu']),
      ],
      {
        smtpUrl: `smtp://127.0.0.1:${port}?greetingTimeout=300`,
        ledger: openLedger(new LocalStateStore(stateFolder)),
      },
    );

    expect(connections).toBe(1);
    expect(results.map((r) => [r.status, r.failed.length])).toEqual([
      ['failed', 2],
      ['failed', 1],
    ]);
    expect(results[1].error).toBe(
      `c@med.example.edu: not tried: the server at 127.0.0.1:${port} sent no SMTP greeting: if it expects TLS from the start (usually port 465), use smtps:// instead of smtp://`,
    );
  });

  it('says the certificate is not trusted, on one line', async () => {
    const port = await tlsSmtp();

    const error = await failureText(`smtps://${USERINFO}@127.0.0.1:${port}`);

    // smtp-server's built-in certificate is expired or self-signed,
    // depending on its version.
    expect(error).toMatch(
      new RegExp(
        `^sysadmin@law\\.example\\.edu: the server at 127\\.0\\.0\\.1:${port} presented a TLS certificate that is not trusted \\((certificate has expired|self[- ]signed certificate)\\): use the host name the certificate names, or have the certificate renewed$`,
      ),
    );
  });

  it('never shows the password or the user info, in results or logs', async () => {
    const texts: string[] = [];
    const lines: string[] = [];
    const restore = setSink((line) => lines.push(line));
    try {
      for (const [, start, url] of SCENARIOS) {
        texts.push((await failureText(url(await start()))) ?? '');
      }
      texts.push(
        (await failureText(
          `smtps://${USERINFO}@127.0.0.1:${await tlsSmtp()}`,
        )) ?? '',
      );
    } finally {
      restore();
    }

    expect(texts).toHaveLength(SCENARIOS.length + 1);
    for (const text of [...texts, ...lines]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(USERINFO);
    }
    expect(texts.every((text) => !text.includes('\n'))).toBe(true);
  });
});
