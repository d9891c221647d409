'use client';
import type { PrereadItemView } from '@/lib/prereads/read.server';
import type { ThemeSection } from '@/lib/prereads/capacity';
import { PrereadItem } from './preread-item';
import type { AskState } from './thread';
import type { PrereadStanceView } from '@/lib/meetings/stances.server';
import type { PrereadScores } from '@/lib/prereads/preread-scores.server';

/**
 * The pre-read's items by theme. One client boundary for the whole list: the server sends the
 * items as data once, instead of 200 element trees (a 200-item pre-read must stay fast to open).
 */
export function PrereadSections({
  sections,
  meetingId,
  ask,
  snapshotKey,
  stances,
  scoring,
}: {
  sections: ThemeSection<PrereadItemView>[];
  meetingId: number;
  ask: AskState;
  snapshotKey: string;
  /** The viewer's own stances (a voting leader) and the counts (facilitator, pm/admin). */
  stances?: PrereadStanceView;
  /** The items' scores when the cycle has a scoring model. */
  scoring?: PrereadScores;
}) {
  return sections.map((section) => (
    <section key={section.key} aria-labelledby={`${section.key}-heading`} className="space-y-3">
      <div className="preread-theme-heading">
        <h2 id={`${section.key}-heading`} className="text-lg font-semibold">
          {section.name}
        </h2>
        {section.keyOutcome && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Key outcome: {section.keyOutcome}</p>
        )}
        {section.metric && <p className="text-sm text-zinc-600 dark:text-zinc-400">Measured by: {section.metric}</p>}
      </div>
      {section.items.map((item) => (
        <PrereadItem
          key={item.id}
          item={item}
          meetingId={meetingId}
          ask={ask}
          snapshotKey={snapshotKey}
          stances={stances}
          scoring={scoring}
        />
      ))}
    </section>
  ));
}
