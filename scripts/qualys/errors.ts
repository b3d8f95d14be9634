/**
 * The client's typed failures. Each keeps the original failure as `cause`
 * and none carries the password or the Authorization header: messages are
 * built from the endpoint, the action and Qualys's own code and text.
 */
import { UserError } from '../errors.ts';

/** Qualys refused the user name or password (`Bad Login/Password`). */
export class QualysAuthError extends UserError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, {
      ...options,
      exitCode: 2,
      hint: 'check QUALYS_USERNAME, QUALYS_PASSWORD and QUALYS_API_URL',
    });
  }
}

/** A rate or concurrency limit asks for a longer wait than allowed. */
export class QualysLimitError extends UserError {
  readonly retryAt: Date;

  constructor(
    message: string,
    retryAt: Date,
    options: { cause?: unknown } = {},
  ) {
    super(message, {
      ...options,
      hint: `run again after ${retryAt.toISOString()}`,
    });
    this.retryAt = retryAt;
  }
}

/** Fields shared by failures that may have reached Qualys. */
interface Delivery {
  /**
   * True when a write may have been applied although it failed (a 999, a
   * 5xx, a timeout or a reset after sending): re-read the state before
   * trying again.
   */
  maybeApplied?: boolean;
  cause?: unknown;
}

/** Qualys answered with an error code (1901 bad parameter, 999, ...). */
export class QualysApiError extends Error {
  readonly code: string | undefined;
  readonly text: string;
  readonly httpStatus: number;
  readonly incidentSignature: string | undefined;
  readonly maybeApplied: boolean;

  constructor(
    message: string,
    fields: {
      code?: string;
      text: string;
      httpStatus: number;
      incidentSignature?: string;
    } & Delivery,
  ) {
    super(message, { cause: fields.cause });
    this.name = 'QualysApiError';
    this.code = fields.code;
    this.text = fields.text;
    this.httpStatus = fields.httpStatus;
    this.incidentSignature = fields.incidentSignature;
    this.maybeApplied = fields.maybeApplied ?? false;
  }
}

/** No usable answer: timeout, reset, refused connection, truncated body. */
export class QualysTransportError extends Error {
  readonly maybeApplied: boolean;

  constructor(message: string, fields: Delivery = {}) {
    super(message, { cause: fields.cause });
    this.name = 'QualysTransportError';
    this.maybeApplied = fields.maybeApplied ?? false;
  }
}
