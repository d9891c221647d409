import { samlMetadataResponse } from '@/lib/sso/saml/acs.server';

/** Quorum's SP metadata for this connection, for the IdP's admin to upload (public, like every SP's). */
export async function GET(_request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  return samlMetadataResponse((await params).connectionId);
}
