import 'server-only';
/** Absolute link for e-mails, from the configured public URL (APP_URL). */
export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
