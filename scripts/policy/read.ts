/**
 * Read stage: finds the repository's policy and unit files and turns each
 * into a parsed, schema-checked source, collecting every problem.
 */
import type { Dirent } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

import type { ValidateFunction } from 'ajv';

import { type FileKind, POLICY_FILES, UNITS_DIR } from './files.ts';
import type { Problem } from './model.ts';
import { decodeText, parseSource } from './parse.ts';
import { error, fileStart, warning } from './problem.ts';
import { checkSchema, validatorFor } from './schema.ts';
import type { SourceFile } from './source.ts';

export interface ReadResult {
  /** Files that parsed and matched their schema, by relative path. */
  sources: Map<string, SourceFile>;
  /** Relative paths of files that could not be used. */
  failed: Set<string>;
  problems: Problem[];
}

export async function readRepository(root: string): Promise<ReadResult> {
  const wanted: { file: string; kind: FileKind }[] = Object.entries(
    POLICY_FILES,
  ).map(([kind, file]) => ({ file, kind: kind as FileKind }));
  const units = await unitFiles(root);
  wanted.push(...units.files);

  const result: ReadResult = {
    sources: new Map(),
    failed: new Set(),
    problems: [...units.problems],
  };
  // One schema lookup per kind and load, not one per file: 2,000 units
  // would otherwise each stat and read the same schema file.
  const validators = new Map<FileKind, ValidateFunction | undefined>();
  const validator = (kind: FileKind): ValidateFunction | undefined => {
    if (!validators.has(kind)) validators.set(kind, validatorFor(root, kind));
    return validators.get(kind);
  };
  const loaded = await Promise.all(
    wanted.map((w) => readOne(root, w.file, w.kind, validator)),
  );
  for (const [i, one] of loaded.entries()) {
    const file = (wanted[i] as { file: string }).file;
    result.problems.push(...one.problems);
    if (one.source && one.problems.length === 0)
      result.sources.set(file, one.source);
    else result.failed.add(file);
  }
  return result;
}

async function unitFiles(root: string): Promise<{
  files: { file: string; kind: FileKind }[];
  problems: Problem[];
}> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, UNITS_DIR), { withFileTypes: true });
  } catch {
    return { files: [], problems: [] };
  }
  const files = entries
    .filter((e) => !e.isDirectory() && /\.ya?ml$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ file: `${UNITS_DIR}/${name}`, kind: 'unit' as const }));
  // Only units/ itself is read: a unit filed in a subfolder would have its
  // groups silently left out of every sync and report.
  const problems = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) =>
      warning(
        'unit-in-subfolder',
        fileStart(`${UNITS_DIR}/${name}`),
        `${UNITS_DIR}/${name}/ is a folder: vmgov reads only the files ` +
          `directly in ${UNITS_DIR}/`,
        `move its unit files up into ${UNITS_DIR}/, or remove the folder`,
      ),
    );
  return { files, problems };
}

async function readOne(
  root: string,
  file: string,
  kind: FileKind,
  validatorOf: (kind: FileKind) => ValidateFunction | undefined,
): Promise<{ source?: SourceFile; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(root, file));
  } catch {
    return {
      problems: [
        error(
          'file-missing',
          fileStart(file),
          `${file} is missing`,
          `create ${file}; see schemas/${kind}.schema.json`,
        ),
      ],
    };
  }

  const decoded = decodeText(file, bytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  const parsed = parseSource(file, kind, decoded.text ?? '');
  if (!parsed.source) return parsed;

  const validate = validatorOf(kind);
  const problems = validate ? checkSchema(parsed.source, validate) : [];
  return { source: parsed.source, problems };
}
