/**
 * The few error classes every room shares. A user's mistake is a
 * `UserError` (exit 1 or 2, no stack trace); anything else is a bug and is
 * reported with its stack at debug level.
 */

export type ExitCode = 0 | 1 | 2;

/** Base of every error a person can fix: bad input, bad flags, bad config. */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
  }
}

/** The policy repository or an input file is invalid (exit 1). */
export class InputError extends UserError {
  constructor(
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, { ...options, exitCode: 1 });
  }
}

/** Flags, environment or settings are missing or wrong (exit 2). */
export class UsageError extends UserError {
  constructor(
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, { ...options, exitCode: 2 });
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
