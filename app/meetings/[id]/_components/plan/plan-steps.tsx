'use client';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import { PLAN_STEPS, parsePlanStep, type PlanStep, type PlanStepStatus } from '@/lib/meetings/plan-steps';
import { buttonClass } from '@/components/ui/button';

const headingId = (step: PlanStep) => `plan-${step}-heading`;

/** A plain click changes the step in place; a click meant for a new tab or window is left to the browser. */
function plainClick(e: MouseEvent) {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

/**
 * The meeting's planning as steps, one shown at a time, each named with its status. The step is in
 * the address (`?step=agenda`), so it can be linked and survives a reload; without JavaScript the
 * links load the page at that step. The other steps stay mounted (hidden), so choices not saved yet
 * survive a look at another step.
 */
export function PlanSteps({
  statuses,
  initial,
  sections,
}: {
  statuses: PlanStepStatus[];
  /** The step to show when the address names none. */
  initial: PlanStep;
  sections: Record<PlanStep, ReactNode>;
}) {
  const params = useSearchParams();
  // Kept from the first render: a save re-renders the page with new statuses, and the step the pm
  // is working on must not move away under them.
  const [opened] = useState(initial);
  const current = parsePlanStep(params.get('step')) ?? opened;
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!focusHeading.current) return;
    focusHeading.current = false;
    document.getElementById(headingId(current))?.focus();
  }, [current]);

  const hrefOf = (step: PlanStep) => {
    const next = new URLSearchParams(params);
    next.set('step', step);
    return `?${next}`;
  };
  const go = (step: PlanStep, moveFocus: boolean) => (e: MouseEvent) => {
    if (!plainClick(e)) return;
    e.preventDefault();
    // The previous/next links disappear with their step: focus follows to the new step's heading.
    focusHeading.current = moveFocus;
    window.history.pushState(null, '', hrefOf(step));
  };
  const at = PLAN_STEPS.indexOf(current);
  const previous = PLAN_STEPS[at - 1];
  const next = PLAN_STEPS[at + 1];

  return (
    <div className="space-y-4">
      <nav aria-label="Planning steps">
        <ol className="grid gap-2 grid-cols-1 sm:grid-cols-2 lg:grid-cols-4">
          {statuses.map((s, n) => (
            <li key={s.step} className="min-w-0">
              <a
                href={hrefOf(s.step)}
                onClick={go(s.step, false)}
                // Named by the step, described by its status: read as "2. Attendees, link, 3 attendees".
                aria-describedby={`plan-${s.step}-status`}
                aria-current={s.step === current ? 'step' : undefined}
                className="flex h-full flex-col rounded-md border border-zinc-200 bg-white px-3 py-2 text-zinc-900 no-underline hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=step]:border-indigo-600 aria-[current=step]:bg-indigo-50 aria-[current=step]:ring-1 aria-[current=step]:ring-indigo-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-[current=step]:border-indigo-400 dark:aria-[current=step]:bg-indigo-950 dark:aria-[current=step]:ring-indigo-400"
              >
                <span className="font-medium">
                  {n + 1}. {s.label}
                </span>
                <span
                  aria-hidden="true"
                  className={`text-sm ${s.done ? 'text-emerald-800 dark:text-emerald-300' : 'text-zinc-600 dark:text-zinc-400'}`}
                >
                  {s.done ? '✓ ' : '○ '}
                  <span id={`plan-${s.step}-status`}>{s.status}</span>
                </span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {PLAN_STEPS.map((step) => {
        const status = statuses.find((s) => s.step === step)!;
        return (
          <section
            key={step}
            aria-labelledby={headingId(step)}
            hidden={step !== current}
            className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <h2 id={headingId(step)} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              {status.label}
            </h2>
            {sections[step]}
          </section>
        );
      })}
      <div className="flex flex-wrap justify-between gap-2">
        {previous ? (
          <a href={hrefOf(previous)} onClick={go(previous, true)} className={buttonClass('secondary')}>
            ← Back: {statuses[at - 1].label}
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a href={hrefOf(next)} onClick={go(next, true)} className={buttonClass('secondary')}>
            Next: {statuses[at + 1].label} →
          </a>
        )}
      </div>
    </div>
  );
}
