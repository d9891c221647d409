import { expect } from '@playwright/test';

const CONTROL = `http://127.0.0.1:${process.env.E2E_SMTP_CONTROL_PORT ?? 2526}`;

export type Mail = { id: number; to: string[]; subject: string; text: string; html: string; ics: string | null };

/** Reads what the test SMTP server (scripts/e2e-smtp.ts) has received. */
export const mailbox = {
  async list(to?: string): Promise<Mail[]> {
    const res = await fetch(`${CONTROL}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    return (await res.json()) as Mail[];
  },
  /** Waits until a message to `to` whose subject matches arrives, and returns it. */
  async waitFor(to: string, subject: RegExp, timeout = 20_000): Promise<Mail> {
    let found: Mail | undefined;
    await expect
      .poll(
        async () => {
          found = (await this.list(to)).find((m) => subject.test(m.subject));
          return found !== undefined;
        },
        { timeout, message: `no mail to ${to} matching ${subject}` },
      )
      .toBe(true);
    return found!;
  },
  async stop() {
    await fetch(`${CONTROL}/stop`, { method: 'POST' });
  },
  async start() {
    await fetch(`${CONTROL}/start`, { method: 'POST' });
  },
};

/** The first link into the app found in a plain-text mail. */
export function linkIn(mail: Mail, base: string): string {
  const match = mail.text.match(new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]+`));
  if (!match) throw new Error(`no link to ${base} in: ${mail.text}`);
  return match[0];
}
