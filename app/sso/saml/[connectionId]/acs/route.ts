import { completeSamlRoundTrip } from '@/lib/sso/saml/acs.server';

/** The SAML assertion consumer service: the IdP's signed answer arrives here as a form POST. */
export async function POST(request: Request, { params }: { params: Promise<{ connectionId: string }> }) {
  return completeSamlRoundTrip(request, (await params).connectionId);
}
