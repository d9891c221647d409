/**
 * What a browser does at the test provider, without a browser: follows its redirects with a
 * cookie jar, fills in the sign-in form, and stops at the first redirect that leaves the provider,
 * which is the answer sent back to the app's callback.
 */

const MAX_STEPS = 12;

class CookieJar {
  private cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Paths are ignored: every cookie goes back on every request to the one provider, which is harmless. */
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      const expired = attributes.some((a) => {
        const [key, v = ''] = a.split('=');
        if (/^max-age$/i.test(key)) return Number(v) <= 0;
        return /^expires$/i.test(key) && Date.parse(v) <= Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

async function walk(authorizationUrl: URL, answer: (form: FormAt) => URLSearchParams): Promise<URL> {
  const jar = new CookieJar();
  const origin = authorizationUrl.origin;
  let request: { url: URL; body?: URLSearchParams } = { url: authorizationUrl };
  for (let step = 0; step < MAX_STEPS; step++) {
    const response = await fetch(request.url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      headers: { cookie: jar.header() },
      redirect: 'manual',
    });
    jar.take(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url);
      if (next.origin !== origin) return next;
      request = { url: next };
      continue;
    }
    const html = await response.text();
    const form = formIn(html, request.url);
    if (response.status !== 200 || !form)
      throw new Error(`the provider answered ${response.status} at ${request.url.pathname}: ${html.slice(0, 300)}`);
    request = { url: form.action, body: answer(form) };
  }
  throw new Error(`no answer to the app after ${MAX_STEPS} steps at the provider`);
}

type FormAt = { action: URL; error: string | null };

function formIn(html: string, base: URL): FormAt | null {
  const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) return null;
  const error = html.match(/<p role="alert">([^<]*)<\/p>/)?.[1] ?? null;
  return { action: new URL(action.replace(/&amp;/g, '&'), base), error };
}

/**
 * Signs in at the test provider as `login` and returns the URL the provider sends the browser
 * back to (the app's callback, with `code` and `state`, or with `error`).
 */
export function signInAtProvider(authorizationUrl: URL, login: string): Promise<URL> {
  let attempts = 0;
  return walk(authorizationUrl, (form) => {
    // The page comes back with an alert when the login is unknown: stop rather than loop.
    if (form.error || attempts++ > 0) throw new Error(`the provider refused the login: ${form.error ?? 'unknown'}`);
    return new URLSearchParams({ login, action: 'login' });
  });
}

/** Presses "Refuse" on the provider's sign-in page: the answer carries error=access_denied. */
export function refuseAtProvider(authorizationUrl: URL): Promise<URL> {
  return walk(authorizationUrl, () => new URLSearchParams({ login: '', action: 'refuse' }));
}
