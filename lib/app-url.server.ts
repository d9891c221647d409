import 'server-only';
/**
 * Absolute link from the configured public URL (APP_URL). At the top of lib/ so that every area,
 * the event log's webhook fan-out included, can use it without depending on another area.
 */
export function appUrl(path: string): string {
  const base = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
