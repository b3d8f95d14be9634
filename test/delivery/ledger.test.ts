import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { InputError } from '../../scripts/errors.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';

let store: LocalStateStore;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'vmgov-ledger-'));
  store = new LocalStateStore(path.join(root, '.state'));
});

const at = new Date('2026-12-01T08:00:00Z');

describe('Ledger', () => {
  it('remembers a delivery across runs once saved', async () => {
    const first = openLedger(store);
    await first.markSent(
      '2026-11/med-it/executive',
      'it@med.example.edu',
      'sha256:a',
      at,
    );
    await first.save();

    const second = openLedger(store);

    expect(
      await second.sentTo('2026-11/med-it/executive', 'it@med.example.edu'),
    ).toEqual({
      key: '2026-11/med-it/executive',
      recipient: 'it@med.example.edu',
      at: '2026-12-01T08:00:00.000Z',
      hash: 'sha256:a',
    });
    expect(
      await second.sentTo('2026-11/med-it/executive', 'cio@med.example.edu'),
    ).toBeUndefined();
    expect(
      await second.sentTo('2026-10/med-it/executive', 'it@med.example.edu'),
    ).toBeUndefined();
  });

  it('does not count an outbox write as sent', async () => {
    const ledger = openLedger(store);

    await ledger.markWritten(
      '2026-11/med-it/executive',
      'it@med.example.edu',
      'sha256:a',
      at,
    );

    expect(
      await ledger.sentTo('2026-11/med-it/executive', 'it@med.example.edu'),
    ).toBeUndefined();
    expect((await ledger.entries('2026-11')).written).toHaveLength(1);
  });

  it('keeps one entry per key and recipient, the latest', async () => {
    const ledger = openLedger(store);
    await ledger.markSent(
      '2026-11/med-it/executive',
      'it@med.example.edu',
      'sha256:a',
      at,
    );
    await ledger.markSent(
      '2026-11/med-it/executive',
      'it@med.example.edu',
      'sha256:b',
      at,
    );

    expect((await ledger.entries('2026-11')).sent.map((e) => e.hash)).toEqual([
      'sha256:b',
    ]);
  });

  it('writes one state file per month, only when something changed', async () => {
    const ledger = openLedger(store);
    await ledger.markSent(
      '2026-10/law/executive',
      'a@law.example.edu',
      'h',
      at,
    );
    await ledger.markSent(
      '2026-11/law/executive',
      'a@law.example.edu',
      'h',
      at,
    );
    await ledger.save();
    await ledger.save();

    expect(await store.list('ledger/')).toEqual([
      'ledger/2026-10.json',
      'ledger/2026-11.json',
    ]);
  });

  it.each([
    ['not JSON', '{sent', 'state ledger/2026-11.json is not valid JSON'],
    [
      'not a ledger',
      '{"sent": 3}',
      'state ledger/2026-11.json has no "sent" and "written" lists',
    ],
  ])('refuses a stored month that is %s', async (_name, text, message) => {
    await store.write('ledger/2026-11.json', text);

    const error = await openLedger(store)
      .sentTo('2026-11/law/executive', 'a@law.example.edu')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(message);
  });
});

describe('two runs sharing a month', () => {
  it('keeps what the other run saved meanwhile', async () => {
    const first = openLedger(store);
    const second = openLedger(store);
    await first.sentTo('2026-11/law/executive', 'a@law.example.edu');
    await second.sentTo('2026-11/law/executive', 'a@law.example.edu');

    await first.markSent('2026-11/law/executive', 'a@law.example.edu', 'h', at);
    await first.save();
    await second.markSent(
      '2026-11/med-it/executive',
      'it@med.example.edu',
      'h',
      at,
    );
    await second.save();

    const month = await openLedger(store).entries('2026-11');
    expect(month.sent.map((e) => e.recipient)).toEqual([
      'a@law.example.edu',
      'it@med.example.edu',
    ]);
  });
});
