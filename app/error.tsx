'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto mt-16 max-w-lg text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The error has been logged. Try again; if it keeps happening, tell your admin.
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white">
        Try again
      </button>
    </div>
  );
}
