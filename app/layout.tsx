import type { Metadata } from 'next';
import './globals.css';
import { currentUser } from '@/lib/auth/session.server';
import { headers } from 'next/headers';
import { AppShell, MAIN_CONTENT_ID } from '@/app/_components/app-shell';
import { isBarePath } from '@/app/_components/bare-paths';
import { CspNonceMeta } from '@/components/security/csp-nonce-meta';

export const metadata: Metadata = {
  title: 'Quorum',
  description: 'Decide together what engineering builds next quarter.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const bare = isBarePath((await headers()).get('x-pathname'));
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <CspNonceMeta />
        {/* First in the tab order on every page, so keyboard users need not tab through the navigation. */}
        <a
          href={`#${MAIN_CONTENT_ID}`}
          className="sr-only rounded-md bg-white px-3 py-2 font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-indigo-600 dark:bg-zinc-900 dark:text-indigo-300"
        >
          Skip to main content
        </a>
        {user && !bare ? (
          <AppShell user={user}>{children}</AppShell>
        ) : (
          <main
            id={MAIN_CONTENT_ID}
            tabIndex={-1}
            className={bare ? 'min-w-0 focus:outline-none' : 'min-w-0 px-4 py-6 focus:outline-none'}
          >
            {children}
          </main>
        )}
      </body>
    </html>
  );
}
