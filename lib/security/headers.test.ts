import { describe, expect, it } from 'vitest';
import { PERMISSIONS_POLICY, contentSecurityPolicy, createNonce, isHttpsUrl, securityHeaders } from './headers';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce in production, never inline or eval', () => {
    const csp = directives(contentSecurityPolicy('abc123', { dev: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('style-src-elem')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const scriptAndStyleElements = [...csp.entries()].filter(([name]) => name !== 'style-src-attr');
    for (const [, sources] of scriptAndStyleElements) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
    }
  });

  it("adds 'unsafe-eval' and the hot-reload socket in development only", () => {
    const csp = directives(contentSecurityPolicy('n', { dev: true }));
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('connect-src')).toContain('ws:');
    // Hot-reloaded CSS and the error overlay inject <style> elements without a nonce.
    expect(csp.get('style-src-elem')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('makes a different nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only when the public URL is https', () => {
    expect(securityHeaders({ https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ https: false })).toMatchObject({
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('switches off the browser features Quorum does not use', () => {
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
  });

  it.each([
    ['https://quorum.example.com', true],
    ['http://localhost:3000', false],
    ['not a url', false],
    [undefined, false],
  ])('isHttpsUrl(%s) is %s', (url, expected) => {
    expect(isHttpsUrl(url)).toBe(expected);
  });
});
