/**
 * The test provider's sign-in page: one labelled Login field, a "Sign in" button and a "Refuse"
 * button (the provider then answers `access_denied`). oidc-provider's own development pages lack
 * labels and load web fonts, so a person's browser and Playwright use this instead.
 */
import type http from 'node:http';
import type Provider from 'oidc-provider';
import type { TestOidcAccount } from './oidc-provider';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(uid: string, clientId: string, login: string, error: string | null): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test identity provider: sign in</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:24rem;padding:0 1rem}
label,input,button{display:block;font-size:1rem;margin:.5rem 0}input{width:100%;box-sizing:border-box;padding:.5rem}
[role=alert]{color:#a00}</style>
</head>
<body>
<main>
<h1>Test identity provider</h1>
<p>Sign in to continue to ${escapeHtml(clientId)}.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">Login</label>
<input id="login" name="login" autocomplete="username" value="${escapeHtml(login)}" autofocus>
<button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="refuse">Refuse</button>
</form>
</main>
</body>
</html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendPage(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export async function handleInteraction(
  provider: Provider,
  accounts: Map<string, TestOidcAccount>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const clientId = details.params.client_id;
  if (req.method === 'GET') {
    sendPage(res, 200, page(details.uid, clientId, details.params.login_hint ?? '', null));
    return;
  }
  const form = await formBody(req);
  if (form.get('action') === 'refuse') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The person refused to sign in.' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const login = (form.get('login') ?? '').trim();
  const account = accounts.get(login);
  if (!account) {
    sendPage(res, 200, page(details.uid, clientId, login, `No account has the login “${login}”.`));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub } },
    { mergeWithLastSubmission: false },
  );
}
