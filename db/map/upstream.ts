import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * The one way the desk fetches from a URL a user typed (the online tile template). Whoever may
 * set the template could otherwise make the desk fetch from the duty room's own network — the
 * router's admin page, a printer, the district hub — and read from its answers which ports are
 * open. So a target that is not a public address is refused unless an administrator named its
 * host as an intranet tile server, the address is checked after DNS resolution at connect time
 * (a name that resolves to 127.0.0.1 is no way round it), and redirects stay on the same host.
 */

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // The unspecified and loopback addresses and the old IPv4-compatible ones; IPv4-mapped addresses are matched by the IPv4 rules.
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** True for an address anyone on the internet could reach; loopback, private, link-local, CGNAT and multicast are not. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The URL's host as the allow-list spells it: lower case, without IPv6 brackets. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');

export type FetchFailure = 'private_target' | 'redirect_elsewhere' | 'timeout' | 'unreachable' | 'too_large' | `http_${number}`;
export type FetchAnswer = { ok: true; body: Buffer } | { ok: false; failure: FetchFailure };

export interface FetchOptions {
  /** Hosts an administrator named as intranet tile servers: these may resolve to private addresses. */
  intranetHosts: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  headers: Record<string, string>;
}

class PrivateTarget extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) return callback(new PrivateTarget(hostname), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;

export async function fetchGuarded(url: URL, options: FetchOptions): Promise<FetchAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let target = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await fetchOnce(target, options, signal);
    if (!('location' in answer)) return answer;
    const next = new URL(answer.location, target);
    if (next.host !== url.host || (next.protocol !== 'http:' && next.protocol !== 'https:')) return { ok: false, failure: 'redirect_elsewhere' };
    target = next;
  }
  return { ok: false, failure: 'redirect_elsewhere' };
}

function fetchOnce(url: URL, options: FetchOptions, signal: AbortSignal): Promise<FetchAnswer | { location: string }> {
  const host = hostOf(url);
  const trusted = options.intranetHosts.includes(host);
  // A literal address is never looked up, so it is judged here.
  if (!trusted && isIP(host) !== 0 && !isPublicAddress(host)) return Promise.resolve({ ok: false, failure: 'private_target' });
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const fail = (error: unknown) =>
      resolve({ ok: false, failure: error instanceof PrivateTarget ? 'private_target' : signal.aborted ? 'timeout' : 'unreachable' });
    const req = request(url, { method: 'GET', headers: options.headers, signal, ...(trusted ? {} : { lookup: publicOnlyLookup }) }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.resume();
        return resolve({ location });
      }
      if (status < 200 || status > 299) {
        res.resume();
        return resolve({ ok: false, failure: `http_${status}` });
      }
      if (Number(res.headers['content-length'] ?? 0) > options.maxBytes) {
        res.destroy();
        return resolve({ ok: false, failure: 'too_large' });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          res.destroy();
          resolve({ ok: false, failure: 'too_large' });
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}
