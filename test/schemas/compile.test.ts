import { describe, expect, it } from 'vitest';

import {
  type JsonObject,
  SCHEMA_KINDS,
  compileSchema,
  readSchema,
} from './schema-support.ts';

/** Every property schema, with its path, found anywhere in the tree. */
function propertySchemas(
  node: unknown,
  path: string,
): { path: string; schema: JsonObject }[] {
  if (typeof node !== 'object' || node === null) return [];
  const found: { path: string; schema: JsonObject }[] = [];
  for (const [key, child] of Object.entries(node as JsonObject)) {
    if (key === 'examples') continue;
    if (key === 'properties' && typeof child === 'object' && child !== null) {
      for (const [name, schema] of Object.entries(child as JsonObject)) {
        found.push({ path: `${path}.${name}`, schema: schema as JsonObject });
      }
    }
    found.push(...propertySchemas(child, `${path}/${key}`));
  }
  return found;
}

/** Every subschema of type object (items included), examples left out. */
function objectSchemas(
  node: unknown,
  path: string,
): { path: string; schema: JsonObject }[] {
  if (typeof node !== 'object' || node === null) return [];
  const here = node as JsonObject;
  const found = here.type === 'object' ? [{ path, schema: here }] : [];
  for (const [key, child] of Object.entries(here)) {
    if (key !== 'examples')
      found.push(...objectSchemas(child, `${path}/${key}`));
  }
  return found;
}

/** A property's annotations after following a local `$ref` once. */
function annotations(root: JsonObject, schema: JsonObject): JsonObject {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/$defs/', '');
  const defs = root.$defs as Record<string, JsonObject>;
  return { ...defs[name], ...schema };
}

describe('schemas', () => {
  it.each(SCHEMA_KINDS)(
    '%s compiles under draft 2020-12 strict mode',
    (kind) => {
      expect(() => compileSchema(kind)).not.toThrow();
    },
  );

  it.each(SCHEMA_KINDS)(
    '%s declares the 2020-12 dialect and an $id',
    (kind) => {
      const schema = readSchema(kind);

      expect(schema.$schema).toBe(
        'https://json-schema.org/draft/2020-12/schema',
      );
      expect(schema.$id).toBe(
        `https://example.edu/vmgov/schemas/${kind}.schema.json`,
      );
    },
  );

  it.each(SCHEMA_KINDS)(
    '%s gives every property a title, description and examples',
    (kind) => {
      const root = readSchema(kind);
      const missing = propertySchemas(root, kind)
        .map(({ path, schema }) => ({
          path,
          merged: annotations(root, schema),
        }))
        .filter(
          ({ merged }) =>
            typeof merged.title !== 'string' ||
            typeof merged.description !== 'string' ||
            !Array.isArray(merged.examples),
        )
        .map(({ path }) => path);

      expect(missing).toEqual([]);
    },
  );

  it.each(SCHEMA_KINDS)('%s accepts its own top-level examples', (kind) => {
    const validate = compileSchema(kind);
    const examples = readSchema(kind).examples as unknown[];

    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(validate(example)).toBe(true);
  });

  it.each(SCHEMA_KINDS)('%s closes every object to unknown keys', (kind) => {
    const open = objectSchemas(readSchema(kind), kind)
      .filter(({ schema }) => schema.additionalProperties !== false)
      .map(({ path }) => path);

    expect(open.length).toBe(0);
    expect(objectSchemas(readSchema(kind), kind).length).toBeGreaterThan(1);
  });
});
