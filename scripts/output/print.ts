/**
 * Results for people or programs go to stdout through here; diagnostics go
 * through the logger to stderr. Nothing else in the code base writes to the
 * terminal.
 */
import { redact } from './logger.ts';

let out: (text: string) => void = (text) => process.stdout.write(text);

/** Tests capture printed output through this. */
export function setPrintSink(next: (text: string) => void): () => void {
  const previous = out;
  out = next;
  return () => {
    out = previous;
  };
}

export function print(text = ''): void {
  out(redact(text.endsWith('\n') ? text : `${text}\n`));
}
