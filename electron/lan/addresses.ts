// The addresses the facilitator can choose to let participants join on: this machine's IPv4
// network addresses (the room's Wi-Fi, a travel router), loopback first as the safe default.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface ListenChoice {
  address: string;
  /** The interface's name (wlan0, en0, Ethernet). */
  label: string;
  /** Only this machine can reach it. */
  local: boolean;
}

export function listenChoices(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): ListenChoice[] {
  const out: ListenChoice[] = [{ address: '127.0.0.1', label: 'This computer only', local: true }];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) out.push({ address: info.address, label: name, local: false });
    }
  }
  return out;
}
