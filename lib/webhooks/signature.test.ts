import { describe, expect, it } from 'vitest';
import { signatureHeader, verifyQuorumSignature } from './signature';

const SECRET = 'whsec_abc';
const BODY = '{"id":"1","type":"ping"}';
const NOW = Date.UTC(2027, 0, 10, 9, 0, 0);
const t = NOW / 1000;

describe('webhook signatures', () => {
  it('round-trips: what Quorum signs, the receiver accepts', () => {
    const header = signatureHeader(SECRET, BODY, t);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyQuorumSignature(SECRET, header, BODY, NOW)).toBe(true);
    expect(verifyQuorumSignature(SECRET, header, BODY, NOW + 299_000)).toBe(true);
  });

  it('refuses a changed body, another secret, a changed timestamp and malformed headers', () => {
    const header = signatureHeader(SECRET, BODY, t);
    expect(verifyQuorumSignature(SECRET, header, BODY.replace('ping', 'pong'), NOW)).toBe(false);
    expect(verifyQuorumSignature('whsec_other', header, BODY, NOW)).toBe(false);
    expect(verifyQuorumSignature(SECRET, header.replace(`t=${t}`, `t=${t + 1}`), BODY, NOW)).toBe(false);
    for (const bad of [null, '', 'v1=abc', `t=${t}`, `t=${t},v1=zz`, `t=abc,v1=${'0'.repeat(64)}`])
      expect(verifyQuorumSignature(SECRET, bad, BODY, NOW)).toBe(false);
  });

  it('refuses a signature older (or newer) than five minutes: a captured request cannot be replayed', () => {
    const header = signatureHeader(SECRET, BODY, t);
    expect(verifyQuorumSignature(SECRET, header, BODY, NOW + 301_000)).toBe(false);
    expect(verifyQuorumSignature(SECRET, header, BODY, NOW - 301_000)).toBe(false);
  });
});
