import { hostname, networkInterfaces } from 'node:os';

/** Host names a loopback desk answers to (the Host header's form: IPv6 in brackets), against DNS rebinding. */
export const LOOPBACK_HOST_NAMES: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

const hostForm = (address: string) => (address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase());

/**
 * The names a duty-room LAN desk answers to: this computer's own addresses and name, and the
 * names the office gave it (`--host-name`). A browser sent here by a hostile page's DNS name that
 * resolves to this computer (DNS rebinding) carries that name in Host and is refused. Addresses
 * are read again when a Host is not known, since DHCP may have handed out a new one.
 */
export function lanHostNames(extra: readonly string[]): (host: string) => boolean {
  const read = () => {
    const names = new Set([...LOOPBACK_HOST_NAMES, ...extra.map((name) => name.toLowerCase())]);
    const own = hostname().toLowerCase();
    names.add(own);
    names.add(`${own}.local`);
    for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) names.add(hostForm(entry.address.replace(/%.*$/, '')));
    return names;
  };
  let known = read();
  return (host) => known.has(host) || (known = read()).has(host);
}
