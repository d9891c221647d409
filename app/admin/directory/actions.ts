'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createEntry, renameEntry, setArchived } from '@/lib/directory/directory.server';
import { mergeEntry } from '@/lib/directory/merge.server';
import { DIRECTORY_KINDS, KIND_LABEL } from '@/lib/directory/schema';
import { plural } from '@/lib/plural';
import { formId, requiredId } from '@/lib/validation';

const kind = z.enum(DIRECTORY_KINDS, { error: 'Choose departments or modules.' });
const revalidate = () => ['/admin/directory', '/admin'];

export const createEntryAction = formAction(
  z.looseObject({ kind }),
  (input, user) => createEntry(user, input.kind, input),
  { message: (_id, input) => `${KIND_LABEL[input.kind].capital} added: ${String(input.name).trim()}.`, revalidate },
);

export const renameEntryAction = formAction(
  z.looseObject({ kind, entryId: formId }),
  (input, user) => renameEntry(user, input.kind, input.entryId, input),
  { message: 'Renamed.', revalidate },
);

export const setArchivedAction = formAction(
  z.object({ kind, entryId: formId, archived: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  (input, user) => setArchived(user, input.kind, input.entryId, input.archived),
  {
    message: (_r, input) => (input.archived ? 'Archived: no longer offered in pickers.' : 'Unarchived.'),
    revalidate,
  },
);

export const mergeEntryAction = formAction(
  z.object({ kind, entryId: formId, intoId: requiredId('department or module to merge into') }),
  (input, user) => mergeEntry(user, input.kind, input.entryId, input.intoId),
  {
    message: (moved, input) =>
      input.kind === 'department'
        ? `Merged: ${plural(moved.people, 'person', 'people')} and ${plural(moved.items, 'item')} moved.`
        : `Merged: ${plural(moved.items, 'item')} moved.`,
    revalidate,
  },
);
