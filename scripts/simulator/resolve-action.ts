/**
 * Checks a request against an endpoint's declared actions in the order
 * Qualys reports problems: the action, the HTTP method, unknown parameters,
 * then missing required ones.
 */
import {
  COMMON_PARAMS,
  type ActionSpec,
  type EndpointSpec,
} from './context.ts';
import type { Params } from './params.ts';
import {
  invalid,
  missing,
  unrecognized,
  wrongMethod,
} from './request-error.ts';

/** @throws SimRequestError with code 1903, 1905, 1908 or 1901. */
export function resolveAction(
  endpoint: EndpointSpec,
  method: string,
  params: Params,
): ActionSpec {
  const action = params.get('action');
  if (action === undefined) throw missing(['action']);
  const spec = endpoint.actions[action];
  if (!spec) throw invalid('action', action);

  if (method !== 'GET' && method !== 'POST') throw wrongMethod(['action']);
  if (spec.write && method !== 'POST') throw wrongMethod([`action=${action}`]);

  const allowed = new Set<string>([...COMMON_PARAMS, ...spec.params]);
  const unknown = params.names().filter((name) => !allowed.has(name));
  if (unknown.length > 0) throw unrecognized(unknown);

  const absent = (spec.required ?? []).filter((name) => !params.has(name));
  if (absent.length > 0) throw missing(absent);
  return spec;
}
