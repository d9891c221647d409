/**
 * The security headers of every response, built per request by proxy.ts. Pure, so the policy is
 * unit-tested as text and the proxy only wires it in.
 */

/** What Quorum never uses: a page (or an injected frame) cannot ask the browser for any of it. */
const PERMISSIONS_OFF = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const PERMISSIONS_POLICY = PERMISSIONS_OFF.map((feature) => `${feature}=()`).join(', ');

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce
 * ('strict-dynamic' lets those scripts load Next's chunks); development adds 'unsafe-eval', which
 * React's dev tooling needs for its call stacks. Stylesheets and <style> elements need 'self' or the
 * nonce in production; development injects <style> elements without one (hot-reloaded CSS, the error
 * overlay), so there they are allowed inline. Style *attributes* stay allowed ('unsafe-inline' for
 * style-src-attr only) because React renders `style` props as attributes in the server HTML (bars
 * and widths computed from data, such as the meeting's ranking against capacity), and an attribute
 * cannot run script.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const styles = options.dev ? `'unsafe-inline'` : `'nonce-${nonce}'`;
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    // A nonce in the list would make browsers ignore 'unsafe-inline', so development lists neither.
    `style-src 'self' ${styles}`,
    `style-src-elem 'self' ${styles}`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    // Development's hot reload talks over a WebSocket.
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    `frame-src 'none'`,
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  return directives.join('; ');
}

/** Whether the public URL is https: then browsers are told to stay on https (and cookies are Secure). */
export function isHttpsUrl(appUrl: string | undefined): boolean {
  if (!appUrl) return false;
  try {
    return new URL(appUrl).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The headers set on every response beside the CSP. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // Older browsers ignore frame-ancestors; this says the same to them.
    'X-Frame-Options': 'DENY',
  };
  // Two years, the usual preload-eligible value; only over https, or a plain-http demo would be unreachable.
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}
