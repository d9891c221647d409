'use client';
import { useId, useState } from 'react';
import { controlClass } from '@/components/ui/field';
import { FieldErrors } from './field-errors';

type Person = { id: number; name: string };

/**
 * The demo's invite list: a checkbox per active person, with a box that narrows the list by name. A
 * company has hundreds of people; those filtered out stay in the form (hidden, not removed), so a
 * search never drops anyone already invited.
 */
export function InviteePicker({
  people,
  invited,
  onToggle,
  errors,
}: {
  people: Person[];
  invited: Set<string>;
  onToggle: (id: string, on: boolean) => void;
  errors?: string[];
}) {
  const [query, setQuery] = useState('');
  const findId = useId();
  const needle = query.trim().toLocaleLowerCase();
  const matches = (p: Person) => needle === '' || p.name.toLocaleLowerCase().includes(needle);
  const shown = people.filter(matches).length;
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? 'inviteeIds-error' : 'invitees-hint'}>
      <legend className="text-sm font-medium">Invite</legend>
      <p id="invitees-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        Choosing an item invites its requestors and sponsors; add or remove anyone. {invited.size} invited.
      </p>
      <div className="space-y-1">
        <label htmlFor={findId} className="block text-sm">
          Find people to invite
        </label>
        <input
          id={findId}
          type="search"
          value={query}
          onChange={(ev) => setQuery(ev.target.value)}
          // Enter in the search box must not submit the whole form.
          onKeyDown={(ev) => ev.key === 'Enter' && ev.preventDefault()}
          className={controlClass}
          aria-describedby={`${findId}-count`}
        />
        <p id={`${findId}-count`} role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
          {needle === '' ? '' : shown === 0 ? 'Nobody matches.' : `${shown} of ${people.length} shown.`}
        </p>
      </div>
      <div className="grid max-h-64 grid-cols-1 gap-1 overflow-y-auto sm:grid-cols-2">
        {people.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm" hidden={!matches(p)}>
            <input
              type="checkbox"
              name="inviteeIds"
              value={p.id}
              checked={invited.has(String(p.id))}
              onChange={(ev) => onToggle(String(p.id), ev.target.checked)}
            />
            <span className="min-w-0 break-words">{p.name}</span>
          </label>
        ))}
      </div>
      <FieldErrors id="inviteeIds-error" errors={errors} />
    </fieldset>
  );
}
