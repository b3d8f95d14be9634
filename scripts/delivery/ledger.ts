/**
 * What was delivered, per month, message key and recipient, kept in the
 * state store (`ledger/YYYY-MM.json`) so a re-run sends nothing twice.
 * Outbox writes are recorded apart and never count as sent.
 */
import { InputError } from '../errors.ts';
import type { StateStore } from './state-store.ts';

export interface LedgerEntry {
  key: string;
  recipient: string;
  /** ISO timestamp. */
  at: string;
  hash: string;
}

interface LedgerMonth {
  sent: LedgerEntry[];
  written: LedgerEntry[];
}

export class Ledger {
  private readonly months = new Map<string, LedgerMonth>();
  private readonly dirty = new Set<string>();

  constructor(private readonly store: StateStore) {}

  /** @throws InputError when the stored month is not a ledger. */
  async sentTo(
    key: string,
    recipient: string,
  ): Promise<LedgerEntry | undefined> {
    const month = await this.month(monthOf(key));
    return month.sent.find(
      (entry) => entry.key === key && entry.recipient === recipient,
    );
  }

  /** @throws InputError when the stored month is not a ledger. */
  async entries(month: string): Promise<LedgerMonth> {
    const loaded = await this.month(month);
    return { sent: [...loaded.sent], written: [...loaded.written] };
  }

  /** Records a delivery (replacing an earlier one to the same recipient). */
  async markSent(
    key: string,
    recipient: string,
    hash: string,
    at = new Date(),
  ): Promise<void> {
    await this.mark('sent', { key, recipient, hash, at: at.toISOString() });
  }

  /** Records an outbox write; it does not make the message count as sent. */
  async markWritten(
    key: string,
    recipient: string,
    hash: string,
    at = new Date(),
  ): Promise<void> {
    await this.mark('written', { key, recipient, hash, at: at.toISOString() });
  }

  /**
   * Writes every month changed since the last save, one store write each.
   * What another run stored meanwhile is kept: entries are only ever
   * added, so the stored month and ours are merged, ours winning.
   * @throws the store's error; the changes stay pending for the next save.
   */
  async save(): Promise<void> {
    for (const name of [...this.dirty].sort()) {
      const ours = this.months.get(name)!;
      const text = await this.store.read(storeKey(name));
      const month =
        text === undefined ? ours : merge(parseMonth(name, text), ours);
      this.months.set(name, month);
      const content = `${JSON.stringify(month, null, 1)}\n`;
      await this.store.write(
        storeKey(name),
        content,
        `ledger: deliveries of ${name}`,
      );
      this.dirty.delete(name);
    }
  }

  private async mark(
    list: keyof LedgerMonth,
    entry: LedgerEntry,
  ): Promise<void> {
    const month = await this.month(monthOf(entry.key));
    month[list] = month[list].filter(
      (old) => !(old.key === entry.key && old.recipient === entry.recipient),
    );
    month[list].push(entry);
    this.dirty.add(monthOf(entry.key));
  }

  private async month(name: string): Promise<LedgerMonth> {
    const cached = this.months.get(name);
    if (cached) return cached;

    const text = await this.store.read(storeKey(name));
    const month =
      text === undefined ? { sent: [], written: [] } : parseMonth(name, text);
    this.months.set(name, month);
    return month;
  }
}

export function openLedger(store: StateStore): Ledger {
  return new Ledger(store);
}

function monthOf(key: string): string {
  return key.slice(0, 7);
}

function merge(stored: LedgerMonth, ours: LedgerMonth): LedgerMonth {
  const union = (theirs: LedgerEntry[], mine: LedgerEntry[]) => {
    const id = (e: LedgerEntry) => `${e.key}\n${e.recipient}`;
    const known = new Set(mine.map(id));
    return [...theirs.filter((entry) => !known.has(id(entry))), ...mine];
  };
  return {
    sent: union(stored.sent, ours.sent),
    written: union(stored.written, ours.written),
  };
}

function storeKey(month: string): string {
  return `ledger/${month}.json`;
}

function parseMonth(name: string, text: string): LedgerMonth {
  try {
    const data = JSON.parse(text) as Partial<LedgerMonth>;
    if (Array.isArray(data.sent) && Array.isArray(data.written)) {
      return { sent: data.sent, written: data.written };
    }
  } catch (error) {
    throw new InputError(`state ${storeKey(name)} is not valid JSON`, {
      cause: error,
      hint: 'restore it from the state history, or remove it to forget that month',
    });
  }
  throw new InputError(
    `state ${storeKey(name)} has no "sent" and "written" lists`,
    {
      hint: 'restore it from the state history, or remove it to forget that month',
    },
  );
}
