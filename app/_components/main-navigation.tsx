'use client';
import Link from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

export type NavLink = { href: string; label: string };

const NAV_ID = 'main-navigation';

/**
 * The main navigation: a sidebar from 1024 px up; below that a "Menu" button (aria-expanded) shows
 * and hides the same list under the top bar, in the page's flow so nothing covers the page. Opening
 * moves focus to the first link, Escape closes and returns focus to the button, and following a link
 * closes it (a phone has no room to keep it open over the page it leads to).
 */
export function MainNavigation({ links }: { links: NavLink[] }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  // A new page closes the menu: adjusted while rendering, as React advises, not in an effect.
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (open) list.current?.querySelector('a')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <>
      <div className="flex items-center gap-3 border-b border-zinc-200 bg-white px-4 py-2 lg:hidden dark:border-zinc-800 dark:bg-zinc-900 print:hidden">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={NAV_ID}
          onClick={() => setOpen((o) => !o)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && open) close();
          }}
          className="inline-flex items-center gap-2 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
          </svg>
          Menu
        </button>
        <Link href="/" className="text-lg font-bold text-zinc-900 no-underline dark:text-white">
          Quorum
        </Link>
      </div>
      <nav
        id={NAV_ID}
        aria-label="Main"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) close();
        }}
        className={`${open ? '' : 'max-lg:hidden'} border-zinc-200 bg-white px-3 py-4 max-lg:border-b lg:w-52 lg:shrink-0 lg:border-r dark:border-zinc-800 dark:bg-zinc-900 print:hidden`}
      >
        <Link
          href="/"
          className="mb-6 block px-2 text-lg font-bold text-zinc-900 no-underline max-lg:hidden dark:text-white"
        >
          Quorum
        </Link>
        <ul
          ref={list}
          className="space-y-1 max-lg:grid max-lg:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] max-lg:gap-1 max-lg:space-y-0"
        >
          {links.map((l) => (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={l.href === pathname ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className="block rounded-md px-2 py-1.5 text-sm text-zinc-700 no-underline hover:bg-zinc-100 aria-[current=page]:font-semibold dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
