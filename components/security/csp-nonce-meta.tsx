import { headers } from 'next/headers';

/**
 * This response's style nonce where react-aria looks for it (`<meta property="csp-nonce">`): its
 * pressable elements (the SME combobox) inject one small <style> element, which the
 * Content-Security-Policy refuses without the nonce. The proxy puts the policy on the request.
 */
export async function CspNonceMeta() {
  const policy = (await headers()).get('content-security-policy') ?? '';
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  return nonce ? <meta property="csp-nonce" nonce={nonce} /> : null;
}
