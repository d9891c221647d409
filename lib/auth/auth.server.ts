import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env.server';
import { isHttpsUrl } from '@/lib/security/headers';
import { checkCredentials } from './credentials.server';
import { endSession, startSession } from './user-sessions.server';
import { clientAddress } from './throttle';
import { redeemSignInTicket } from '@/lib/auth/sign-in-tickets.server';
import { recordSignIn } from './sign-in-record.server';
import type { SignInMethod } from '@/db/schema';

declare module 'next-auth' {
  interface Session {
    sessionId?: string;
  }
  interface User {
    method?: SignInMethod;
  }
}

class RefusedSignIn extends CredentialsSignin {
  constructor(public code: string) {
    super();
  }
}

// A lazy config: the secret is read per request, so `next build` does not need one.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // Secure (and __Secure- prefixed) cookies whenever the public URL is https, even behind a proxy
  // that reaches Quorum over plain http.
  useSecureCookies: isHttpsUrl(env().APP_URL),
  // The token only names a server-side session (lib/auth/user-sessions.server.ts), which holds the limits.
  session: { strategy: 'jwt', maxAge: env().SESSION_MAX_HOURS * 3600 },
  pages: { signIn: '/signin' },
  // A refused password is an expected outcome shown to the user, not a server error to log.
  logger: {
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'E-mail' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const client = clientAddress(request.headers.get('x-forwarded-for'), env().TRUST_PROXY);
        const result = await checkCredentials(credentials, client);
        // The code travels to the sign-in action, which turns it into the message (the wait included).
        if (!result.ok)
          throw new RefusedSignIn(
            result.reason === 'throttled'
              ? `throttled:${result.seconds}`
              : result.reason === 'sso_required'
                ? `sso_required:${result.connectionName}`
                : result.reason,
          );
        const method = result.breakGlass ? 'break_glass' : 'password';
        return { id: String(result.user.id), name: result.user.name, email: result.user.email, method };
      },
    }),
    // The hand-over from a verified OIDC or SAML answer (lib/sso/tickets.server.ts): only the
    // server's SSO routes hold a ticket, and each works once within a minute.
    Credentials({
      id: 'sso-ticket',
      credentials: { ticket: {} },
      async authorize(credentials) {
        const redeemed = await redeemSignInTicket(credentials.ticket);
        if (!redeemed) throw new RefusedSignIn('invalid');
        return { id: String(redeemed.userId), method: redeemed.method };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // At sign-in only: the session row is made once, and its id travels in the token from then on.
      if (user?.id) {
        token.uid = Number(user.id);
        token.sid = await startSession(Number(user.id));
        await recordSignIn(Number(user.id), user.method ?? 'password');
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'number') session.user.id = String(token.uid);
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends the session on the server: the old cookie, replayed, no longer signs anyone in.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(sid, 'signed_out');
    },
  },
}));
