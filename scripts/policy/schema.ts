/**
 * Schema stage: each file is checked against its JSON Schema (2020-12) and
 * every complaint is placed on the YAML node it is about, not on the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import { type FileKind, schemaFile } from './files.ts';
import type { Problem } from './model.ts';
import { error } from './problem.ts';
import {
  type PathSegment,
  type SourceFile,
  locate,
  locateKey,
} from './source.ts';
import { describeError } from './schema-messages.ts';

// ajv-formats ships CommonJS; its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator for a file kind: the repository's own schema, or the one
 * shipped with vmgov when the repository has none. Undefined when neither
 * exists. Throws when a schema itself is invalid (a maintainer's bug).
 */
export function validatorFor(
  root: string,
  kind: FileKind,
): ValidateFunction | undefined {
  const candidates = [
    join(root, schemaFile(kind)),
    join(PACKAGE_ROOT, schemaFile(kind)),
  ];
  const path = candidates.find((p) => existsSync(p));
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  const cached = compiled.get(text);
  if (cached) return cached;

  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(text) as object);
  compiled.set(text, validate);
  return validate;
}

export function checkSchema(
  source: SourceFile,
  validate: ValidateFunction,
): Problem[] {
  if (validate(source.data)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const err of validate.errors ?? []) {
    if (['anyOf', 'oneOf', 'if', 'not'].includes(err.keyword)) continue;
    const path = toPath(source.data, err.instancePath);
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(toProblem(source, path, err));
  }
  return problems;
}

function toProblem(
  source: SourceFile,
  path: PathSegment[],
  err: ErrorObject,
): Problem {
  const { message, hint } = describeError(err);
  const params = err.params as { additionalProperty?: string };
  const at =
    err.keyword === 'additionalProperties' && params.additionalProperty
      ? locateKey(source, path, params.additionalProperty)
      : locate(source, path);
  return error('schema', at, `${showPath(path)}: ${message}`, hint);
}

/** JSON pointer to path segments, numbers where the data is a list. */
function toPath(data: unknown, pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = (current as Record<string, unknown> | undefined)?.[segment];
    }
  }
  return path;
}

export function showPath(path: PathSegment[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}
