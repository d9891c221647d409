import type { NextConfig } from 'next';
import { PERMISSIONS_POLICY } from './lib/security/headers';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  // serverActions.bodySizeLimit: the same as MAX_ACTION_BODY_BYTES (lib/body-limits.ts), which proxy.ts enforces first.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '1mb' } },
  // Static files bypass proxy.ts (its matcher skips them for speed), so they get the fixed headers
  // here; the per-request ones (the CSP with its nonce, HSTS from APP_URL) are set by proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default nextConfig;
