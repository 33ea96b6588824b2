import { describe, expect, it } from 'vitest';
import { serverTransport, transportAllowed } from '@shared/sync/transport';

describe('which server addresses a desk may use', () => {
  it.each([
    ['https://sync.example.com', 'tls'],
    ['https://192.168.1.20:8787', 'tls'],
    ['http://127.0.0.1:8787', 'loopback'],
    ['http://127.255.255.254', 'loopback'],
    ['http://127.1:8787', 'loopback'],
    ['http://localhost:8787/', 'loopback'],
    ['http://LOCALHOST', 'loopback'],
    ['http://[::1]:8787', 'loopback'],
    ['http://128.0.0.1', 'insecure'],
    ['http://126.255.255.255', 'insecure'],
    ['http://192.168.1.20:8787', 'insecure'],
    ['http://sync.example.com', 'insecure'],
    ['http://localhost.example.com', 'insecure'],
    ['http://127.0.0.1.example.com', 'insecure'],
    ['http://[::ffff:127.0.0.1]', 'insecure'],
    ['http://[fd00::2]', 'insecure'],
    ['ftp://127.0.0.1', 'insecure'],
    ['not a url', 'insecure'],
  ] as const)('%s is %s', (url, transport) => {
    expect(serverTransport(url)).toBe(transport);
  });

  it('allows plain HTTP over a network only with the lab option', () => {
    expect(transportAllowed('http://192.168.1.20:8787', false)).toBe(false);
    expect(transportAllowed('http://192.168.1.20:8787', true)).toBe(true);
    expect(transportAllowed('https://sync.example.com', false)).toBe(true);
    expect(transportAllowed('http://127.0.0.1:8787', false)).toBe(true);
  });
});
