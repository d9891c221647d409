import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Next's Link without prefetching unless asked for. Every page here is rendered per person on the
 * server, so a prefetch is a server render: Next prefetches each link in view, and a page with its
 * navigation and a list of items asked for 16 to 31 renders on every view that nobody had opened.
 * A click still navigates without a full page load; it fetches then.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
