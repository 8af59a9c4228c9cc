import { describe, expect, it } from 'vitest';
import { foundOf } from '../../test-support/detect.js';
import { ipv6Valid } from './ipv6.js';

describe('IP address recognizer', () => {
  it('finds IPv4 and IPv6 addresses, without port or brackets', () => {
    expect(foundOf('IP_ADDRESS', 'Me conecto desde 172.26.242.103!', 'es')).toEqual(['172.26.242.103']);
    expect(foundOf('IP_ADDRESS', 'router at [2001:db8::8a2e:370:7334]:8443', 'en')).toEqual([
      '2001:db8::8a2e:370:7334',
    ]);
    expect(foundOf('IP_ADDRESS', 'server 10.0.0.1:8443 down', 'en')).toEqual(['10.0.0.1']);
    expect(foundOf('IP_ADDRESS', 'mapped ::ffff:192.0.2.128 here', 'en')).toEqual(['::ffff:192.0.2.128']);
  });
  it('ignores version strings, out-of-range parts and longer dotted chains', () => {
    expect(foundOf('IP_ADDRESS', 'versão 4.12.0.3 instalada', 'pt')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'firmware 1.0.4.12', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'Tengo Android 14, compilación 10.2.1.0', 'es')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'address 256.1.1.1', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'chain 1.2.3.4.5', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'meeting at 10:30:00', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'the app updated to 9.3.7.83 and crashes', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'atualizei o app para 2.1.1.193 ontem', 'pt')).toEqual(['2.1.1.193']);
    expect(foundOf('IP_ADDRESS', 'atualizou para 2.1.1.193 e travou', 'pt')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'my IP changed to 10.0.0.1', 'en')).toEqual(['10.0.0.1']);
  });
  it('validates RFC 4291 text forms', () => {
    for (const ok of [
      '::1',
      'fe80::1',
      '2001:0db8:0000:0000:0000:ff00:0042:8329',
      '2001:db8::',
      '::ffff:10.0.0.1',
    ])
      expect(ipv6Valid(ok)).toBe(true);
    for (const bad of ['::', '1::2::3', '2001:db8:0:0:0:0:0:0:1', '12345::1', 'g::1', '1:2:3'])
      expect(ipv6Valid(bad)).toBe(false);
  });

  it('takes no subnet mask for an address', () => {
    const text = 'o IP fixo é 203.0.113.45, máscara 255.255.255.248, gateway 192.168.15.1.';
    expect(foundOf('IP_ADDRESS', text, 'pt')).toEqual(['203.0.113.45', '192.168.15.1']);
  });

  it('takes no version for an address when its cue stands a few words before it', () => {
    expect(foundOf('IP_ADDRESS', 'the firmware on my modem is 3.10.2.7, is that current?', 'en')).toEqual([]);
    expect(foundOf('IP_ADDRESS', 'a versão do aplicativo aqui é 7.4.0.12', 'pt')).toEqual([]);
    // Another cue nearer the address speaks for it.
    expect(foundOf('IP_ADDRESS', 'firmware is fine, the camera IP is 192.168.1.64', 'en')).toEqual([
      '192.168.1.64',
    ]);
  });
});
