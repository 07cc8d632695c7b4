import { describe, expect, it } from 'vitest';
import { listenChoices } from '../../../electron/lan/addresses.ts';

describe('listenChoices', () => {
  it('offers loopback first, then each external IPv4 address, never IPv6 or internal ones', () => {
    const info = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({ address, family, internal, netmask: '', mac: '', cidr: null });
    const choices = listenChoices({
      lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
      wlan0: [info('192.168.1.20', 'IPv4', false), info('fe80::1', 'IPv6', false)],
      eth0: [info('10.0.0.5', 'IPv4', false)],
    } as never);
    expect(choices).toEqual([
      { address: '127.0.0.1', label: 'This computer only', local: true },
      { address: '192.168.1.20', label: 'wlan0', local: false },
      { address: '10.0.0.5', label: 'eth0', local: false },
    ]);
  });
});
