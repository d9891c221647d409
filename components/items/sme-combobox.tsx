'use client';
import { useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';
import { controlClass } from '@/components/ui/field';

type Person = { id: number; name: string };

/**
 * The SME: a typeahead over active people. Picking someone sends their id (`smeUserId`; the server
 * takes their name from their row); a name not in Quorum is kept as free text (`sme`, no id), and
 * the field says so. The input itself has no name: the two hidden fields carry the value.
 */
export function SmeComboBox({
  people,
  defaultText,
  defaultUserId,
  errors,
}: {
  people: Person[];
  defaultText: string;
  defaultUserId: number | null;
  errors?: string[];
}) {
  const [text, setText] = useState(defaultText);
  const [picked, setPicked] = useState<Key | null>(defaultUserId);
  const person = people.find((p) => p.id === Number(picked));
  // Typing over a picked name makes it free text again.
  const userId = person && person.name === text ? person.id : null;
  const freeText = text.trim() !== '' && userId === null;
  const describedBy = ['sme-hint', freeText ? 'sme-note' : '', errors?.length ? 'sme-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-1">
      <input type="hidden" name="sme" value={text} />
      <input type="hidden" name="smeUserId" value={userId ?? ''} />
      <ComboBox
        allowsCustomValue
        defaultItems={people}
        inputValue={text}
        onInputChange={setText}
        value={picked}
        onChange={(key) => {
          setPicked(key);
          const chosen = people.find((p) => p.id === Number(key));
          if (chosen) setText(chosen.name);
        }}
        menuTrigger="input"
        className="space-y-1"
        aria-describedby={describedBy}
      >
        <Label className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">SME</Label>
        <div className="flex gap-1">
          <Input className={controlClass} aria-invalid={errors?.length ? true : undefined} />
          <Button
            aria-label="Show people"
            className="rounded-md border border-zinc-300 px-2 text-sm dark:border-zinc-600"
          >
            ▾
          </Button>
        </div>
        <Popover className="max-h-60 w-(--trigger-width) overflow-auto rounded-md border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <ListBox className="p-1 text-sm outline-none">
            {(p: Person) => (
              <ListBoxItem
                id={p.id}
                textValue={p.name}
                className="cursor-default rounded px-2 py-1 outline-none data-focused:bg-indigo-100 dark:data-focused:bg-indigo-900"
              >
                {p.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <p id="sme-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
        The business expert who knows the detail: pick a person, or type the name of someone outside Quorum.
      </p>
      {freeText && (
        <p id="sme-note" className="text-xs text-zinc-600 dark:text-zinc-300">
          Not in Quorum: kept as text.
        </p>
      )}
      {errors?.length ? (
        <ul id="sme-error" className="text-sm text-red-700 dark:text-red-400">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
