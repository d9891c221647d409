import { startSsoRoundTrip } from '@/lib/sso/start.server';

/** "Continue with …" and "Test this connection" both begin here: a redirect to the identity provider. */
export async function GET(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  return startSsoRoundTrip(request, (await params).connectionId);
}
