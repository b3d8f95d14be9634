import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  SCHEMA_KINDS,
  compileSchema,
  errorSummary,
  readDocument,
  readText,
  repoRoot,
  repositoryFiles,
} from './schema-support.ts';

const files = repositoryFiles();

describe('repository YAML files', () => {
  it('include the six policy files and at least six units', () => {
    const units = files.filter((f) => f.kind === 'unit');

    expect(files.length - units.length).toBe(6);
    expect(units.map((u) => u.file)).toEqual([
      'units/athletics.yaml',
      'units/eng.yaml',
      'units/its.yaml',
      'units/law.yaml',
      'units/library.yaml',
      'units/med.yaml',
      'units/residential.yaml',
    ]);
  });

  it.each(files)(
    '$file validates against the $kind schema',
    ({ file, kind }) => {
      const validate = compileSchema(kind);

      validate(readDocument(file));

      expect(errorSummary(validate.errors)).toEqual([]);
    },
  );

  it.each(files)(
    '$file names its schema on the first line',
    ({ file, kind }) => {
      const firstLine = readText(file).split('\n')[0];

      expect(firstLine).toBe(
        `# yaml-language-server: $schema=../schemas/${kind}.schema.json`,
      );
    },
  );

  it.each(files.filter((f) => f.kind === 'unit'))(
    '$file has an id equal to its file name',
    ({ file }) => {
      const doc = readDocument(file) as { id: string };

      expect(`units/${doc.id}.yaml`).toBe(file);
    },
  );
});

describe('.vscode/settings.json', () => {
  const settings = JSON.parse(
    readFileSync(join(repoRoot, '.vscode', 'settings.json'), 'utf8'),
  ) as { 'yaml.schemas': Record<string, string> };
  const mapping = settings['yaml.schemas'];

  it.each(SCHEMA_KINDS)('maps %s.schema.json to its files', (kind) => {
    const expected = kind === 'unit' ? 'units/*.yaml' : `policy/${kind}.yaml`;

    expect(mapping[`./schemas/${kind}.schema.json`]).toBe(expected);
  });

  it('maps nothing else', () => {
    expect(Object.keys(mapping).length).toBe(SCHEMA_KINDS.length);
  });
});
