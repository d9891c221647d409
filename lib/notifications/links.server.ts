import 'server-only';
/** Absolute link for e-mails, from the configured public URL (APP_URL). */
export { appUrl } from '@/lib/app-url.server';
