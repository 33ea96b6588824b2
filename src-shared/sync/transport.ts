/**
 * How a desk may reach its central server. What travels (staff password hashes, guests' ID
 * numbers, the sync token) never crosses a network in clear: plain HTTP is for this machine's
 * loopback only, anything else needs TLS — unless an administrator ticked the explicit
 * "insecure (lab only)" option at enrolment, which the header then shows.
 */

/** tls: https://; loopback: http:// to this machine; insecure: http:// over a network. */
export type ServerTransport = 'tls' | 'loopback' | 'insecure';

/** 127.0.0.0/8, ::1 and localhost, as the WHATWG URL parser writes host names (IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/** What a server address amounts to; an address that is not an http(s) URL counts as insecure. */
export function serverTransport(serverUrl: string): ServerTransport {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return 'insecure';
  }
  if (url.protocol === 'https:') return 'tls';
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return 'loopback';
  return 'insecure';
}

/** Whether the desk may talk to this address: TLS or loopback always, plain HTTP over a network only when the option is on. */
export function transportAllowed(serverUrl: string, allowInsecure: boolean): boolean {
  return serverTransport(serverUrl) !== 'insecure' || allowInsecure;
}
