'use client';
import { useMemo, useState } from 'react';
import type { FormState } from '@/lib/actions.server';
import type { AgendaEditorData } from '@/lib/meetings/agenda.server';
import type { TimeBoxes } from '@/lib/meetings/time-boxes';
import { contest, type ItemContest } from '@/lib/meetings/contested';
import { AgendaSuggestions, AgendaTimeSummary } from './agenda-plan-tools';

/** The agenda editor's time boxes and consent agenda, as typed (or as the failed save echoed them). */
export function useAgendaPlan(data: AgendaEditorData, typed: FormState['values']) {
  const [boxes, setBoxes] = useState<Record<number, string>>(() => {
    const out: Record<number, string> = {};
    for (const [id, minutes] of Object.entries(data.timeBoxes))
      out[Number(id)] = minutes === null ? '' : String(minutes);
    if (typed)
      for (const [key, value] of Object.entries(typed)) {
        const m = /^timeBox_(\d+)$/.exec(key);
        if (m) out[Number(m[1])] = String(value);
      }
    return out;
  });
  const [consent, setConsentIds] = useState<Set<number>>(
    () => new Set(typed ? ([] as string[]).concat(typed.consent ?? []).map(Number) : data.consent),
  );
  const counts = useMemo(() => new Map(Object.entries(data.stances).map(([id, c]) => [Number(id), c])), [data.stances]);
  return {
    boxes,
    consent,
    counts,
    /** A valid box as a number, anything else (empty, or a typo the save will refuse) as an even share. */
    minutesOf: (id: number) => {
      const v = boxes[id]?.trim() ?? '';
      return /^[0-9]{1,3}$/.test(v) && Number(v) > 0 ? Number(v) : null;
    },
    setBox: (id: number, value: string) => setBoxes((prev) => ({ ...prev, [id]: value })),
    setConsent: (id: number, on: boolean) =>
      setConsentIds((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    suggestConsent: (order: number[]) =>
      setConsentIds(new Set(order.filter((id) => counts.has(id) && contest(id, counts.get(id)!).consentCandidate))),
  };
}
export type AgendaPlan = ReturnType<typeof useAgendaPlan>;

/** The suggestions and the time summary above the agenda. */
export function AgendaPlanTools({
  data,
  plan,
  time,
  disabled,
  onOrder,
  order,
}: {
  data: AgendaEditorData;
  plan: AgendaPlan;
  time: TimeBoxes;
  disabled: boolean;
  onOrder: () => { title: string; contest: ItemContest }[];
  order: number[];
}) {
  const [explained, setExplained] = useState<{ title: string; contest: ItemContest }[] | null>(null);
  return (
    <>
      <AgendaTimeSummary time={time} durationMinutes={data.durationMinutes} />
      <AgendaSuggestions
        disabled={disabled}
        consentEditable={data.consentEditable}
        onOrder={() => setExplained(onOrder())}
        onConsent={() => plan.suggestConsent(order)}
        explained={explained}
      />
    </>
  );
}
