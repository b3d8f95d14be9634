/**
 * The one logger. Messages are static text with a metadata object, so a
 * workflow log stays greppable; values that look like secrets are masked
 * before anything is written.
 */

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const ORDER: Record<Level, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

const SECRET_KEYS = /pass(word)?|secret|token|authorization|cookie|smtp_url/i;
const secrets = new Set<string>();

let threshold: Level = 'info';
let sink: (line: string) => void = (line) => process.stderr.write(line);

export function setLevel(level: Level): void {
  threshold = level;
}

export function getLevel(): Level {
  return threshold;
}

/** Tests capture log lines through this instead of patching stderr. */
export function setSink(next: (line: string) => void): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** Registers a value (a password, a token) that must never be printed. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.replace(/(Basic|Bearer|token) [A-Za-z0-9+/=._-]{8,}/g, '$1 ***');
}

function formatMeta(meta: Record<string, unknown> | undefined): string {
  if (!meta) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(meta)) {
    if (value === undefined) continue;
    const shown = SECRET_KEYS.test(key) ? '***' : stringify(value);
    parts.push(`${key}=${shown}`);
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

function stringify(value: unknown): string {
  if (typeof value === 'string')
    return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value instanceof Error) return JSON.stringify(value.message);
  return JSON.stringify(value);
}

function write(
  level: Level,
  message: string,
  meta?: Record<string, unknown>,
  tag = level === 'info' ? '' : `${level}: `,
): void {
  if (ORDER[level] < ORDER[threshold]) return;
  sink(redact(`${tag}${message}${formatMeta(meta)}\n`));
}

export const log = {
  debug: (message: string, meta?: Record<string, unknown>) =>
    write('debug', message, meta),
  info: (message: string, meta?: Record<string, unknown>) =>
    write('info', message, meta),
  warn: (message: string, meta?: Record<string, unknown>) =>
    write('warn', message, meta),
  error: (message: string, meta?: Record<string, unknown>) =>
    write('error', message, meta),
  /** What to do about the error just logged; shown whenever errors are. */
  hint: (message: string) => write('error', message, undefined, 'hint: '),
};
