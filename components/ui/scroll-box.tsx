/**
 * A box that scrolls sideways by itself when what it holds (a table) is wider than the screen, so
 * the page never does. It is a named region and focusable, so keyboard users can scroll it with the
 * arrow keys and screen readers announce what it holds. `relative`: screen-reader-only text inside a
 * table is positioned against this box, not the page, which it would otherwise widen.
 */
export function ScrollBox({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${className}`}
    >
      {children}
    </div>
  );
}
