/**
 * Words for schema complaints: ajv's terse messages turned into what a
 * unit's editor can act on, with the schema's own description as the hint.
 */
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';

interface SchemaPart {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaPart>;
}

export function describeError(err: ErrorObject): {
  message: string;
  hint?: string;
} {
  const parent = (err.parentSchema ?? {}) as SchemaPart;
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      return {
        message: `missing required key "${key}"`,
        hint: explain(parent.properties?.[key], `add "${key}:" here`),
      };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(parent.properties ?? {});
      if (allowed.length === 0) return { message: `unknown key "${key}"` };
      const guess = likelyMeant(key, allowed);
      return {
        message: `unknown key "${key}"`,
        hint:
          (guess ? `did you mean "${guess}"? ` : '') +
          `allowed keys here: ${allowed.join(', ')}`,
      };
    }
    case 'enum':
      return {
        message: `${show(err.data)} is not one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'type':
      return {
        message: `must be ${article(String(params.type))}, not ${typeName(err.data)}`,
        hint: explain(parent),
      };
    case 'pattern':
    case 'format':
      return {
        message: `${show(err.data)} does not have the expected form`,
        hint: explain(parent),
      };
    default:
      return { message: err.message ?? err.keyword, hint: explain(parent) };
  }
}

/** The allowed key a typo most likely meant: a third of it may differ. */
function likelyMeant(key: string, allowed: string[]): string | undefined {
  const guess = closest(key, allowed);
  const tolerance = Math.max(1, Math.floor(key.length / 3));
  return distance(key, guess) <= tolerance ? guess : undefined;
}

function explain(
  part: SchemaPart | undefined,
  fallback?: string,
): string | undefined {
  if (!part?.description) return fallback;
  const example = part.examples?.[0];
  const suffix =
    example === undefined ? '' : ` (e.g. ${JSON.stringify(example)})`;
  return `${part.description.split('\n')[0]}${suffix}`;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${article(typeof value)} (${show(value)})`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    null: 'empty',
  };
  return words[type] ?? type;
}
