/**
 * A record store that lives as long as the process: for runs against the
 * in-process simulator, whose Qualys vanishes at exit, so nothing about it
 * may land in the repository's state.
 */
import type { RecordStore } from './exclusion-record.ts';

export class MemoryStore implements RecordStore {
  private readonly entries = new Map<string, string>();

  read(key: string): Promise<string | undefined> {
    return Promise.resolve(this.entries.get(key));
  }

  write(key: string, content: string): Promise<void> {
    this.entries.set(key, content);
    return Promise.resolve();
  }
}
