/**
 * The file system's and the network's refusals, said as a user's mistake:
 * a path that is a file where a folder is needed, a folder without write
 * permission, a port in use. These come from paths and ports the user
 * gave (--out, --outbox, VMGOV_STATE_DIR, --port), not from a bug.
 */
import { UsageError } from '../errors.ts';

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
  port?: number;
}

const PROBLEMS: Record<string, (place: string) => string> = {
  ENOTDIR: (place) => `${place}: part of the path is a file, not a folder`,
  EISDIR: (place) => `${place} is a folder, where a file is needed`,
  EEXIST: (place) => `${place} is in the way: it already exists`,
  EACCES: (place) => `no permission to write ${place}`,
  EPERM: (place) => `no permission to write ${place}`,
  EROFS: (place) => `${place} is on a read-only file system`,
  ENOSPC: (place) => `no space left on the disk for ${place}`,
};

function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as Partial<SystemError>).code === 'string'
  );
}

/**
 * The user's mistake behind a system error, or undefined when the error is
 * something else (then it is a bug, reported as one).
 */
export function systemErrorAsUsage(error: unknown): UsageError | undefined {
  if (!isSystemError(error)) return undefined;
  if (error.code === 'EADDRINUSE' && error.syscall === 'listen') {
    return new UsageError(`port ${error.port ?? '?'} is in use`, {
      hint: 'give another --port, or 0 for any free one',
      cause: error,
    });
  }
  const problem = PROBLEMS[error.code];
  // A rename fails on its target; every other call on its path.
  const place = error.syscall === 'rename' ? error.dest : error.path;
  if (!problem || place === undefined) return undefined;
  return new UsageError(problem(place), {
    hint:
      'check the path (--out, --outbox, VMGOV_STATE_DIR): it must lead ' +
      'to a folder you can write',
    cause: error,
  });
}
