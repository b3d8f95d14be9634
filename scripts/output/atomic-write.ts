/**
 * Writes files so a reader never sees half of one: content goes to a
 * temporary file in the same folder, then a rename replaces the target.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes one file atomically, creating its folder.
 * @throws the file system's error (permissions, full disk); the temporary
 *   file is removed first.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Buffer,
): Promise<void> {
  await writeFilesAtomic([{ file, content }]);
}

/**
 * Writes several files: all temporary files first, then the renames, so a
 * failure while writing leaves every target as it was.
 * @throws the file system's error; temporary files are removed first.
 */
export async function writeFilesAtomic(
  files: { file: string; content: string | Buffer }[],
): Promise<void> {
  const staged: { temp: string; file: string }[] = [];
  try {
    for (const { file, content } of files) {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      staged.push({ temp, file });
      await writeFile(temp, content);
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }

  let renamed = 0;
  try {
    for (const { temp, file } of staged) {
      await rename(temp, file);
      renamed += 1;
    }
  } catch (error) {
    // A target that is a folder refuses the rename: leave no temporary
    // file behind beside it.
    const left = staged.slice(renamed);
    await Promise.all(left.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
}
