/**
 * The state store as a local folder (`<root>/.state/` by default), for
 * runs outside GitHub Actions and for tests.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { writeFileAtomic } from '../output/atomic-write.ts';
import { checkStateKey, checkStatePrefix } from './state-key.ts';
import type { StateStore } from './state-store.ts';

export class LocalStateStore implements StateStore {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  /** @throws the file system's error for anything but a missing file. */
  async read(key: string): Promise<string | undefined> {
    const file = path.join(this.folder, ...checkStateKey(key).split('/'));
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** @throws the file system's error; the previous content stays. */
  async write(key: string, content: string): Promise<void> {
    const file = path.join(this.folder, ...checkStateKey(key).split('/'));
    await writeFileAtomic(file, content);
  }

  async list(prefix: string): Promise<string[]> {
    checkStatePrefix(prefix);
    const keys = await walk(this.folder, '');
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }
}

async function walk(folder: string, relative: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(folder, relative), {
      withFileTypes: true,
    });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }

  const keys: string[] = [];
  for (const entry of entries) {
    const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) keys.push(...(await walk(folder, key)));
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) keys.push(key);
  }
  return keys;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
