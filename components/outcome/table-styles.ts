/** The outcome's tables share the requests page's dense look. */
/** For a ScrollBox around a table: printed, the table is shown whole. */
export const tableWrap = 'rounded-md border border-zinc-200 dark:border-zinc-800 print:overflow-visible';
export const table = 'w-full border-separate border-spacing-0 text-sm';
export const caption = 'px-2 py-1.5 text-left text-sm text-zinc-600 dark:text-zinc-400';
export const th =
  'border-b border-zinc-200 bg-zinc-50 px-2 py-1.5 text-left font-medium text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300';
export const td = 'border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/70';
export const section = 'space-y-3 print:break-inside-auto';
