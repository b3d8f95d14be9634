/**
 * Copies of parsed text that own their characters. The XML parser returns
 * substrings of the whole page, and V8 keeps a substring's parent string
 * alive: one kept finding would otherwise hold its page (megabytes) in
 * memory until the reports are rendered.
 */
import type { ScannedHost } from './model.ts';

export function ownText(text: string): string;
export function ownText(text: string | undefined): string | undefined;
export function ownText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : Buffer.from(text).toString();
}

/** The host with every text field copied, to keep past its page. */
export function ownHost(host: ScannedHost): ScannedHost {
  return {
    id: ownText(host.id),
    ip: ownText(host.ip),
    dns: ownText(host.dns),
    os: ownText(host.os),
    netbios: ownText(host.netbios),
  };
}
