import type { Metadata } from 'next';
import './globals.css';
import { currentUser } from '@/lib/auth/session.server';
import { AppShell } from '@/app/_components/app-shell';

export const metadata: Metadata = {
  title: 'Quorum',
  description: 'Decide together what engineering builds next quarter.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{user ? <AppShell user={user}>{children}</AppShell> : children}</body>
    </html>
  );
}
