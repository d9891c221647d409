import Link from '@/components/ui/link';

/** The 403 page, titled as such for the same reason as the 404 page (app/not-found.tsx). */
export default function Forbidden() {
  return (
    <div className="mx-auto mt-16 max-w-lg text-center">
      <title>No access · Quorum</title>
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Your role does not allow this. If you think it should, ask a product manager or an admin.
      </p>
      <p className="mt-6">
        <Link href="/">Go to your home page</Link>
      </p>
    </div>
  );
}
