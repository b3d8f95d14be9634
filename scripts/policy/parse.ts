/**
 * Read and parse stages: bytes to text (UTF-8 only), text to a YAML
 * document with positions, document to plain data. Each failure becomes a
 * located problem; nothing here throws for a user's mistake.
 */
import { LineCounter, parse, parseDocument } from 'yaml';

import type { FileKind } from './files.ts';
import type { Problem } from './model.ts';
import { error, fileStart } from './problem.ts';
import type { SourceFile } from './source.ts';

/** Aliases beyond this count are treated as an expansion attack. */
export const MAX_ALIAS_COUNT = 100;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes; a byte-order mark is dropped. */
export function decodeText(
  file: string,
  bytes: Uint8Array,
): { text?: string; problem?: Problem } {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const at = firstBadByte(bytes);
    return {
      problem: error(
        'yaml-encoding',
        { file, line: at.line, col: at.col },
        'the file is not valid UTF-8',
        'save the file as UTF-8 (no Latin-1 or UTF-16)',
      ),
    };
  }
}

export function parseSource(
  file: string,
  kind: FileKind,
  text: string,
): { source?: SourceFile; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  // Tabs upset the parser on some lines and not others, and the rest of
  // its complaints follow from them: one problem naming every tabbed line.
  if (doc.errors.some((e) => e.code === 'TAB_AS_INDENT')) {
    return { problems: [tabProblem(file, text)] };
  }
  const problems: Problem[] = doc.errors.map((e) => {
    const [line, col] = e.linePos
      ? [e.linePos[0].line, e.linePos[0].col]
      : [1, 1];
    const duplicate = e.code === 'DUPLICATE_KEY';
    if (e.code === 'MULTIPLE_DOCS') {
      return error(
        'yaml-syntax',
        { file, line, col },
        'a second YAML document starts here (a "---" line): a policy file ' +
          'holds one',
        'remove the "---" line and merge what follows into the document ' +
          'above, or move it to its own file',
      );
    }
    return error(
      duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      { file, line, col },
      duplicate ? duplicateMessage(text, e.pos[0]) : firstLine(e.message),
      duplicate
        ? 'keep one of the two keys; YAML would silently use only one'
        : 'fix the YAML syntax at this position (indentation, quotes, colons)',
    );
  });
  if (problems.length > 0) return { problems };

  if (doc.contents === null) {
    return {
      problems: [
        error(
          'yaml-empty',
          fileStart(file),
          'the file is empty',
          emptyHint(kind),
        ),
      ],
    };
  }

  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { source: { file, kind, doc, lines, data }, problems: [] };
  } catch (cause) {
    return { problems: [aliasProblem(file, cause)] };
  }
}

function aliasProblem(file: string, cause: unknown): Problem {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (!/alias/i.test(message)) throw cause;
  return error(
    'yaml-alias-bomb',
    fileStart(file),
    `the file expands too many aliases (more than ${MAX_ALIAS_COUNT})`,
    'write the values out instead of nesting anchors and aliases',
  );
}

function emptyHint(kind: FileKind): string {
  return `write the ${kind} document; start from the schema at schemas/${kind}.schema.json`;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(
    / at line \d+, column \d+:?$/,
    '',
  );
}

function firstBadByte(bytes: Uint8Array): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    const length = sequenceLength(byte);
    if (length === 1) {
      i += 1;
      continue;
    }
    try {
      if (length === 0) throw new Error('not a lead byte');
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(i, i + length),
      );
    } catch {
      return { line, col: i - lineStart + 1 };
    }
    i += length;
  }
  return { line: 1, col: 1 };
}

/** Bytes in the UTF-8 sequence a byte starts; 0 when it cannot start one. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

// A key as written: quoted, or plain up to its colon.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:#][^:#]*?)\s*:/;

/** yaml says only "Map keys must be unique"; the editor wants the key. */
function duplicateMessage(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  const written = KEY.exec(text.slice(offset, end === -1 ? undefined : end));
  if (!written) return 'a key appears twice in this mapping';
  const key: unknown = parse(written[1]);
  return `key "${String(key)}" appears twice in this mapping`;
}

/** Lines whose indentation holds a tab; blank ones do not matter. */
const TABBED = /^[ \t]*\t[ \t]*\S/;

function tabProblem(file: string, text: string): Problem {
  const lines = text
    .split('\n')
    .flatMap((line, index) => (TABBED.test(line) ? [index + 1] : []));
  const [first] = lines;
  return error(
    'yaml-syntax',
    { file, line: first, col: 1 },
    `a tab indents ${lines.length === 1 ? 'line' : 'lines'} ${spans(lines)}`,
    'YAML indents with spaces only: replace each tab with spaces',
  );
}

/** Ascending line numbers as "3-5, 9". */
function spans(lines: number[]): string {
  const out: string[] = [];
  let start = lines[0];
  for (let i = 1; i <= lines.length; i += 1) {
    if (lines[i] === lines[i - 1] + 1) continue;
    const end = lines[i - 1];
    out.push(start === end ? `${start}` : `${start}-${end}`);
    start = lines[i];
  }
  return out.join(', ');
}
