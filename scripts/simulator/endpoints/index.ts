/** Every API function the simulator serves, by path. */
import type { EndpointSpec } from '../context.ts';
import { assetGroupEndpoint } from './asset-group.ts';
import { detectionEndpoint } from './detection.ts';
import { kbEndpoint } from './kb.ts';

export const ENDPOINTS = new Map<string, EndpointSpec>(
  [assetGroupEndpoint, detectionEndpoint, kbEndpoint].map((e) => [e.path, e]),
);
