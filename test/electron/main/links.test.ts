import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { allowedExternalUrl, EXTERNAL_HOST_ALLOWLIST } = await import('../../../electron/main/links.ts');

describe('allowedExternalUrl', () => {
  it('opens https links to allowlisted hosts, normalized', () => {
    expect(allowedExternalUrl('https://github.com/org/repo')).toBe('https://github.com/org/repo');
    expect(allowedExternalUrl('https://www.cisa.gov/resources?x=1#y')).toBe('https://www.cisa.gov/resources?x=1#y');
    expect(allowedExternalUrl('https://github.com')).toBe('https://github.com/');
  });

  it('has an allowlist of exact hosts', () => {
    expect(EXTERNAL_HOST_ALLOWLIST).toContain('github.com');
    expect(EXTERNAL_HOST_ALLOWLIST.every((host) => host === host.toLowerCase() && !host.includes('*'))).toBe(true);
  });

  const refused: [string, unknown][] = [
    ['plain http', 'http://github.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['javascript: after leading spaces', '  javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: with a host', 'file://github.com/etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['the scheme in capitals', 'HTTPS://github.com/'],
    ['the host in capitals', 'https://GitHub.com/'],
    ['leading whitespace', ' https://github.com/'],
    ['trailing whitespace', 'https://github.com/ '],
    ['a newline', 'https://github.com/\n'],
    ['a NUL', 'https://github.com/\u0000'],
    ['a zero-width space in the host', 'https://git\u200bhub.com/'],
    ['a lookalike suffix', 'https://github.com.evil.example/'],
    ['a lookalike prefix', 'https://evilgithub.com/'],
    ['a subdomain not on the list', 'https://gist.github.com/'],
    ['a trailing dot', 'https://github.com./'],
    ['a punycode homograph', 'https://xn--gthub-n4a.com/'],
    ['a unicode homograph', 'https://gіthub.com/'],
    ['userinfo that looks like the host', 'https://github.com@evil.example/'],
    ['userinfo with a password', 'https://github.com:pw@evil.example/'],
    ['userinfo on an allowed host', 'https://user@github.com/'],
    ['a port', 'https://github.com:8443/'],
    ['a percent-encoded host', 'https://%67ithub.com/'],
    ['backslashes', 'https:\\\\github.com\\'],
    ['a missing slash', 'https:/github.com/'],
    ['no slashes', 'https:github.com'],
    ['a protocol-relative link', '//github.com/'],
    ['a relative path', '/etc/passwd'],
    ['an IP address', 'https://140.82.112.3/'],
    ['an empty string', ''],
    ['not a string', { href: 'https://github.com/' }],
    ['a very long URL', `https://github.com/${'a'.repeat(3000)}`],
  ];

  it.each(refused)('refuses %s', (_name, raw) => {
    expect(allowedExternalUrl(raw)).toBeNull();
  });

  it('uses the allowlist it is given', () => {
    expect(allowedExternalUrl('https://example.org/', ['example.org'])).toBe('https://example.org/');
    expect(allowedExternalUrl('https://github.com/', ['example.org'])).toBeNull();
  });
});
