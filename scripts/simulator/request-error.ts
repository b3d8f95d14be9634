/**
 * A request the simulator refuses, with the HTTP status and the Qualys
 * error code and text of the documented error table.
 */
export class SimRequestError extends Error {
  readonly status: number;
  readonly code: number | undefined;

  constructor(status: number, code: number | undefined, text: string) {
    super(text);
    this.name = 'SimRequestError';
    this.status = status;
    this.code = code;
  }
}

export const unrecognized = (names: string[]): SimRequestError =>
  new SimRequestError(
    400,
    1901,
    `Unrecognized parameter(s): ${names.join(', ')}`,
  );

export const missing = (names: string[]): SimRequestError =>
  new SimRequestError(
    400,
    1903,
    `Missing required parameter(s): ${names.join(', ')}`,
  );

export const onlyOneOf = (names: string[]): SimRequestError =>
  new SimRequestError(
    400,
    1904,
    `Please specify only one of these parameters: ${names.join(', ')}`,
  );

export const invalid = (name: string, value: string): SimRequestError =>
  new SimRequestError(
    400,
    1905,
    `parameter ${name} has invalid value: ${value}`,
  );

export const wrongMethod = (names: string[]): SimRequestError =>
  new SimRequestError(
    400,
    1908,
    'Request method (GET or POST) is incompatible with specified ' +
      `parameter(s): ${names.join(', ')}`,
  );

export const atLeastOneOf = (names: string[]): SimRequestError =>
  new SimRequestError(
    400,
    1922,
    `Please specify at least one of the following parameters: ${names.join(', ')}`,
  );
