import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, backoffMs, classifySendError } from './outbox-policy';

const mid = () => 0.5; // no jitter: 0.8 + 0.4 × 0.5 = 1

describe('backoffMs', () => {
  it('doubles from 2 s and stops at 10 minutes', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, mid))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(backoffMs(9, mid)).toBe(512_000);
    expect(backoffMs(10, mid)).toBe(600_000);
    expect(backoffMs(1_000, mid)).toBe(600_000);
  });

  it('adds ±20 % jitter, never past the cap', () => {
    expect(backoffMs(1, () => 0)).toBe(1_600);
    expect(backoffMs(1, () => 0.999_999)).toBe(2_400);
    expect(backoffMs(12, () => 1)).toBe(600_000);
  });

  it('treats nonsense attempt counts as the first retry', () => {
    expect(backoffMs(0, mid)).toBe(2_000);
    expect(backoffMs(-3, mid)).toBe(2_000);
  });

  it('keeps retrying for about an hour before giving up', () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += backoffMs(n, mid);
    expect(total / 60_000).toBeGreaterThan(60);
    expect(total / 60_000).toBeLessThan(90);
  });
});

// Shaped like nodemailer's errors (lib/smtp-connection: code, response, responseCode, command).
const smtpError = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);

describe('classifySendError', () => {
  it('treats a 5xx reply as permanent and keeps the server’s words', () => {
    const err = smtpError(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <nobody@example.test>: no such user",
      {
        code: 'EENVELOPE',
        response: '550 5.1.1 <nobody@example.test>: no such user',
        responseCode: 550,
        command: 'RCPT TO',
      },
    );
    expect(classifySendError(err)).toEqual({
      temporary: false,
      reason: '550 5.1.1 <nobody@example.test>: no such user',
    });
  });

  it('treats a 4xx reply as temporary', () => {
    const err = smtpError('Message failed: 451 4.3.0 Try again later', {
      code: 'EMESSAGE',
      response: '451 4.3.0 Try again later',
      responseCode: 451,
    });
    expect(classifySendError(err)).toEqual({ temporary: true, reason: '451 4.3.0 Try again later' });
  });

  it('reads the reply code from the response when responseCode is missing', () => {
    expect(classifySendError(smtpError('x', { response: '552 mailbox full' })).temporary).toBe(false);
    expect(classifySendError(smtpError('x', { response: '421 closing' })).temporary).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', 'ESOCKET', 'ECONNECTION', 'EDNS'])(
    'treats %s as temporary',
    (code) => {
      expect(classifySendError(smtpError(`boom ${code}`, { code }))).toEqual({
        temporary: true,
        reason: `boom ${code}`,
      });
    },
  );

  it('recognises a refused connection that nodemailer reports as ESOCKET', () => {
    const err = smtpError('connect ECONNREFUSED 127.0.0.1:2525', { code: 'ESOCKET', errno: -111, syscall: 'connect' });
    expect(classifySendError(err)).toEqual({ temporary: true, reason: 'connect ECONNREFUSED 127.0.0.1:2525' });
  });

  it('treats a malformed envelope without a reply as permanent', () => {
    expect(classifySendError(smtpError('Invalid recipient "bad"', { code: 'EENVELOPE' })).temporary).toBe(false);
  });

  it('retries unknown errors rather than losing mail, and copes with non-errors', () => {
    expect(classifySendError(new Error('something odd'))).toEqual({ temporary: true, reason: 'something odd' });
    expect(classifySendError('string thrown')).toEqual({ temporary: true, reason: 'string thrown' });
    expect(classifySendError(null).temporary).toBe(true);
  });

  it('keeps long reasons to a readable length', () => {
    expect(classifySendError(new Error('x'.repeat(5_000))).reason).toHaveLength(1_000);
  });
});
