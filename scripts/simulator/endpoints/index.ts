/** Every API function the simulator serves, by path. */
import type { EndpointSpec } from '../context.ts';
import { applianceEndpoint, optionProfileEndpoint } from './appliance.ts';
import { assetGroupEndpoint } from './asset-group.ts';
import { detectionEndpoint } from './detection.ts';
import { excludedIpEndpoint } from './excluded-ip.ts';
import { hostEndpoint } from './host.ts';
import { ignoreVulnEndpoint } from './ignore-vuln.ts';
import { kbEndpoint } from './kb.ts';

export const ENDPOINTS = new Map<string, EndpointSpec>(
  [
    assetGroupEndpoint,
    hostEndpoint,
    detectionEndpoint,
    kbEndpoint,
    excludedIpEndpoint,
    applianceEndpoint,
    optionProfileEndpoint,
    ignoreVulnEndpoint,
  ].map((e) => [e.path, e]),
);
