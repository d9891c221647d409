'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { commitImport } from '@/lib/import/commit.server';
import { IMPORT_FIELDS } from '@/lib/import/fields';
import { revisePreview, startImport } from '@/lib/import/preview.server';
import { undoImport } from '@/lib/import/undo.server';
import { plural } from '@/lib/plural';
import { formId, formText } from '@/lib/validation';

/** The uploaded file as it arrived; its bytes are read (and judged) on the server. */
const upload = z.instanceof(File).optional();

export const startImportAction = formAction(
  z.object({ cycleId: formId, file: upload, paste: formText, sheet: formText }),
  async (input, user) =>
    startImport(user, input.cycleId, {
      file: input.file && input.file.size > 0 ? new Uint8Array(await input.file.arrayBuffer()) : null,
      fileName: input.file?.name ?? '',
      paste: input.paste,
      sheet: input.sheet,
    }),
  { data: (preview) => preview },
);

const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());

/** The mapping arrives as `map.0`, `map.1`…, one select per column. */
const mappingOf = (values: Record<string, unknown>) =>
  Object.keys(values)
    .filter((k) => /^map\.\d{1,2}$/.test(k))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    .map((k) => values[k]);

export const updateMappingAction = formAction(
  z.looseObject({
    cycleId: formId,
    draft: formText,
    fallbackDepartmentId: formId,
    createThemes: checkbox,
    createDepartments: checkbox,
    createModules: checkbox,
  }),
  (input, user) =>
    revisePreview(user, input.cycleId, {
      draft: input.draft,
      mapping: mappingOf(input),
      options: {
        createThemes: input.createThemes,
        createDepartments: input.createDepartments,
        createModules: input.createModules,
        fallbackDepartmentId: input.fallbackDepartmentId,
      },
    }),
  { data: (preview) => preview, message: 'Preview updated.' },
);

export const editRowAction = formAction(
  z.looseObject({ cycleId: formId, draft: formText, row: formId }),
  (input, user) => {
    const edit = Object.fromEntries(
      IMPORT_FIELDS.filter((f) => typeof input[f] === 'string').map((f) => [f, input[f]]),
    );
    return revisePreview(user, input.cycleId, { draft: input.draft, editRow: input.row, edit });
  },
  { data: (preview) => preview, message: (_p, input) => `Row ${input.row} updated.` },
);

export const commitImportAction = formAction(
  z.looseObject({ cycleId: formId }),
  (input, user) => commitImport(user, input.cycleId, input),
  {
    revalidate: (input) => [`/cycles/${input.cycleId}`, `/cycles/${input.cycleId}/import`],
    redirect: (result, input) => `/cycles/${input.cycleId}/import?imported=${result.importId}`,
  },
);

export const undoImportAction = formAction(
  z.object({ cycleId: formId, importId: formId }),
  (input, user) => undoImport(user, input.cycleId, input.importId),
  {
    message: (result) => `Import undone: ${plural(result.itemCount, 'item')} removed.`,
    revalidate: (input) => [`/cycles/${input.cycleId}`, `/cycles/${input.cycleId}/import`],
  },
);
