import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signatureHeader } from './signature';
import { VERIFY_SNIPPET } from './verify-snippet';

type Verify = (secret: string, header: string, rawBody: string, now?: number) => boolean;
// The snippet exactly as documented, run as a receiver would run it (CommonJS, with require).
const verify = new Function('require', `${VERIFY_SNIPPET}\nreturn verifyQuorumSignature;`)(
  createRequire(import.meta.url),
) as Verify;

describe('the documented verification snippet', () => {
  const body = '{"id":"x","type":"item.created","data":{"item":{"title":"Ünïcode “quoted”"}}}';
  const now = Date.UTC(2027, 5, 1, 12, 0, 0);
  const header = signatureHeader('whsec_s', body, now / 1000);

  it('accepts what Quorum signs', () => {
    expect(verify('whsec_s', header, body, now)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, an old timestamp and a malformed header', () => {
    expect(verify('whsec_s', header, body.replace('Ü', 'U'), now)).toBe(false);
    expect(verify('whsec_other', header, body, now)).toBe(false);
    expect(verify('whsec_s', header, body, now + 301_000)).toBe(false);
    expect(verify('whsec_s', 't=1,v1=00', body, now)).toBe(false);
  });
});
