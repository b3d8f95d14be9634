/**
 * Shared helpers for the schema tests: where the repository is, which schema
 * each YAML file answers to, and a strict 2020-12 validator per schema.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const SCHEMA_KINDS = [
  'program',
  'excluded-qids',
  'reclassifications',
  'never-ignore',
  'scanning',
  'kb-snapshot',
  'unit',
] as const;

export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export interface RepositoryFile {
  /** Repository-relative path, e.g. `units/med.yaml`. */
  file: string;
  kind: SchemaKind;
}

export type JsonObject = Record<string, unknown>;

export function readSchema(kind: SchemaKind): JsonObject {
  const path = join(repoRoot, 'schemas', `${kind}.schema.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

// ajv-formats ships CommonJS; its default export is the plugin function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const compiled = new Map<SchemaKind, ValidateFunction>();

/**
 * Compiles in strict mode, once per kind, with the formats the loader adds:
 * unknown keywords or formats, loose types and tuples throw.
 */
export function compileSchema(kind: SchemaKind): ValidateFunction {
  const cached = compiled.get(kind);
  if (cached) return cached;
  const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
  const validate = ajv.compile(readSchema(kind));
  compiled.set(kind, validate);
  return validate;
}

/** Every YAML file of the repository with the schema it must satisfy. */
export function repositoryFiles(): RepositoryFile[] {
  const policy = SCHEMA_KINDS.filter((k) => k !== 'unit').map((kind) => ({
    file: `policy/${kind}.yaml`,
    kind,
  }));
  const units = readdirSync(join(repoRoot, 'units'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `units/${name}`, kind: 'unit' as const }));
  return [...policy, ...units];
}

export function readText(file: string): string {
  return readFileSync(join(repoRoot, file), 'utf8');
}

export function readDocument(file: string): unknown {
  return parse(readText(file)) as unknown;
}

/** `instancePath keyword` pairs, enough to say where and why a check failed. */
export function errorSummary(
  errors: ErrorObject[] | null | undefined,
): string[] {
  return (errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}
