import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  // serverActions.bodySizeLimit: the same as MAX_ACTION_BODY_BYTES (lib/body-limits.ts), which proxy.ts enforces first.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '1mb' } },
};

export default nextConfig;
