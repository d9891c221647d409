export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
      <p className="font-medium text-zinc-800 dark:text-zinc-200">{title}</p>
      {/* Running text: its links are underlined, as in paragraphs (globals.css). */}
      {children && <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400 [&_a]:underline">{children}</div>}
    </div>
  );
}
