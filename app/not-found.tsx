import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto mt-16 max-w-lg text-center">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="mt-1 text-2xl font-semibold">This page does not exist</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">It may have been removed, or the link is wrong.</p>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
