/**
 * Quorum's three kinds of endpoint, called over HTTP as a browser would call them, and every answer
 * reduced to what it means for authorization (`Answer`). The authorization matrix and the bad-input
 * suite both go through here, so they judge answers the same way.
 *
 * Server actions are called with Next's own protocol: a POST with the `Next-Action` header (the id
 * comes from the build's server-reference manifest) and the arguments encoded as React encodes them
 * (`[undefined, FormData]`, as useActionState calls an action), so the answer carries the action's
 * form state, message included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Answer = {
  /**
   * ok: allowed and done (2xx, or a redirect to somewhere other than sign-in); signin: sent to sign in
   * (or 401); forbidden: 403; hidden: 404; refused: allowed, but the input or a rule was refused with
   * a message (an API 4xx other than 401/403/404, or an action's form state with ok: false);
   * error: anything else (a 5xx, or an answer this harness cannot read).
   */
  kind: 'ok' | 'signin' | 'forbidden' | 'hidden' | 'refused' | 'error';
  status: number;
  message?: string;
  /** Where a redirect points, for a report. */
  location?: string;
};

export type FormFields = Record<string, string | string[]>;

type ActionManifest = { node: Record<string, { exportedName: string; filename: string }> };

let manifest: ActionManifest | null = null;

/** Every server action of the build: its exported name, source file and id. */
export function serverActions(): { name: string; file: string; id: string }[] {
  manifest ??= JSON.parse(
    fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as ActionManifest;
  return Object.entries(manifest.node).map(([id, v]) => ({ name: v.exportedName, file: v.filename, id }));
}

function actionId(name: string): string {
  const found = serverActions().filter((a) => a.name === name);
  if (found.length !== 1) throw new Error(`Expected one server action called ${name}, found ${found.length}.`);
  return found[0].id;
}

export class Client {
  constructor(
    readonly baseURL: string,
    /** The session cookie ('' for nobody signed in). */
    readonly cookie = '',
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Origin: this.baseURL, ...(this.cookie ? { Cookie: this.cookie } : {}), ...extra };
  }

  /** GET a page or a download. Event streams are closed as soon as their headers arrive. */
  async get(url: string): Promise<Answer> {
    const abort = new AbortController();
    const res = await fetch(this.baseURL + url, { headers: this.headers(), redirect: 'manual', signal: abort.signal });
    if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      abort.abort();
      return { kind: res.ok ? 'ok' : 'error', status: res.status };
    }
    return judge(res, await res.text());
  }

  /** A JSON API call. A string body is sent as it is (for malformed JSON). */
  async api(method: string, url: string, body?: unknown): Promise<Answer> {
    const res = await fetch(this.baseURL + url, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await res.body?.cancel();
      return { kind: res.ok ? 'ok' : 'error', status: res.status };
    }
    return judge(res, await res.text());
  }

  /** Calls a server action by name from `page` (the page whose form would call it). */
  async action(name: string, fields: FormFields, page = '/'): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields))
      for (const one of Array.isArray(value) ? value : [value]) form.append(`_1_${key}`, one);
    form.append('0', JSON.stringify(['$undefined', '$K1']));
    const res = await fetch(this.baseURL + page, {
      method: 'POST',
      headers: this.headers({ 'Next-Action': actionId(name), Accept: 'text/x-component' }),
      body: form,
      redirect: 'manual',
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const redirect = res.headers.get('x-action-redirect');
    if (res.status === 200 && redirect) {
      const location = redirect.replace(/;\w+$/, '').replace(this.baseURL, '');
      return { kind: location.startsWith('/signin?next=') ? 'signin' : 'ok', status: 200, location };
    }
    if (res.status === 200) return judgeFormState(bytes);
    return judge(res, bytes.toString('utf8'));
  }
}

function judge(res: Response, text: string): Answer {
  const status = res.status;
  if (status >= 300 && status < 400) {
    const location = (res.headers.get('location') ?? '').replace(/^https?:\/\/[^/]+/, '');
    return { kind: location.startsWith('/signin') ? 'signin' : 'ok', status, location };
  }
  if (status < 300) return { kind: 'ok', status };
  if (status === 401) return { kind: 'signin', status };
  if (status === 403) return { kind: 'forbidden', status };
  if (status === 404) return { kind: 'hidden', status };
  const plain = (res.headers.get('content-type') ?? '').startsWith('text/plain');
  if (status < 500) return { kind: 'refused', status, message: jsonMessage(text) ?? (plain ? text : undefined) };
  return { kind: 'error', status, message: text.slice(0, 200) };
}

function rscRows(bytes: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(':', at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString('utf8');
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(',', colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString('utf8'), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString('utf8'));
      at = comma + 1 + length;
    } else {
      const end = bytes.indexOf('\n', colon);
      rows.set(id, bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString('utf8'));
      at = end < 0 ? bytes.length : end + 1;
    }
  }
  return rows;
}

function jsonMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown; fieldErrors?: Record<string, string[]> };
    if (typeof body.error !== 'string') return undefined;
    const fields = Object.entries(body.fieldErrors ?? {}).map(([field, m]) => `${field}: ${m.join(' ')}`);
    return [body.error, ...fields].join(' | ');
  } catch {
    return undefined;
  }
}

/**
 * An action's answer is an RSC stream of rows `id:json\n`, except text rows (`id:T<hex byte length>,`
 * then that many bytes, no newline) that React uses for long strings. Row 0 names the row
 * (`"a":"$@N"`) that holds the form state.
 */
function judgeFormState(bytes: Buffer): Answer {
  const rows = rscRows(bytes);
  const ref = /"a":"\$@([0-9a-f]+)"/.exec(rows.get('0') ?? '')?.[1];
  const raw = ref === undefined ? undefined : rows.get(ref);
  if (raw === undefined) return { kind: 'error', status: 200, message: 'no form state in the answer' };
  if (raw === '"$undefined"') return { kind: 'ok', status: 200 };
  // forbidden() and notFound() thrown by an action reach the browser as these digests, which show the 403 or 404 page.
  if (raw.startsWith('E') && raw.includes('NEXT_HTTP_ERROR_FALLBACK;403')) return { kind: 'forbidden', status: 200 };
  if (raw.startsWith('E') && raw.includes('NEXT_HTTP_ERROR_FALLBACK;404')) return { kind: 'hidden', status: 200 };
  if (raw.startsWith('E')) return { kind: 'error', status: 200, message: `the action threw: ${raw.slice(1, 300)}` };
  const state = JSON.parse(raw) as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };
  if (state.ok) return { kind: 'ok', status: 200, message: state.message };
  const fieldMessages = Object.entries(state.fieldErrors ?? {}).map(([field, m]) => `${field}: ${m.join(' ')}`);
  return { kind: 'refused', status: 200, message: [state.message, ...fieldMessages].filter(Boolean).join(' | ') };
}

/**
 * Signs in through the sign-in action, as the sign-in form does, and returns a client with the
 * session cookie. `client` says which client address the server should count the attempt against.
 */
export async function signInOverHttp(baseURL: string, email: string, password: string, client: string) {
  const form = new FormData();
  form.append('_1_email', email);
  form.append('_1_password', password);
  form.append('_1_next', '/');
  form.append('0', JSON.stringify(['$undefined', '$K1']));
  const res = await fetch(`${baseURL}/signin`, {
    method: 'POST',
    headers: { Origin: baseURL, 'Next-Action': actionId('signInAction'), 'X-Forwarded-For': client },
    body: form,
    redirect: 'manual',
  });
  await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => /session-token=/.test(c));
  if (!cookie) throw new Error(`Signing in as ${email} gave no session cookie (HTTP ${res.status}).`);
  return new Client(baseURL, cookie);
}
