import { nfrShareMatters, nfrShareText, nfrUnestimatedText, type NfrShare } from '@/lib/capacity/nfr-share';

/**
 * The non-functional share in words, so that it never rests on colour alone. Short of the target it
 * is an alert (announced at once, as the ranking moves); otherwise a polite status.
 */
export function NfrShareNotice({
  share,
  where,
  className = '',
}: {
  share: NfrShare;
  where: string;
  className?: string;
}) {
  if (!nfrShareMatters(share)) return null;
  const unestimated = nfrUnestimatedText(share);
  return (
    <div
      role={share.short ? 'alert' : 'status'}
      aria-label={share.short ? 'Non-functional share short of target' : 'Non-functional share'}
      className={`rounded-md px-3 py-2 text-sm ${
        share.short
          ? 'bg-amber-50 text-amber-900 ring-1 ring-amber-500 dark:bg-amber-950 dark:text-amber-100'
          : 'bg-zinc-50 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300'
      } ${className}`}
    >
      <p>
        {share.short && <strong className="font-semibold">Warning: </strong>}
        {nfrShareText(share, where)}
      </p>
      {unestimated && <p className="text-xs">{unestimated}</p>}
    </div>
  );
}
