import type { BadInputTarget } from './targets';

/**
 * Bad input for importing a backlog. The draft is the server's own sealed text: anything else in
 * its place (blank, changed, oversize) is refused as out of date. Bad files (a PNG, a damaged
 * workbook, invalid UTF-8, over the limits) are tested against the real readers in lib/import.
 */
export const IMPORT_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'action startImportAction', from: 'pasted rows', as: 'pm', kinds: { cycleId: 'id', paste: 'text' } },
  {
    target: 'action updateMappingAction',
    from: 'their own draft',
    as: 'pm',
    kinds: { cycleId: 'id', draft: 'line', 'map.0': 'enum', fallbackDepartmentId: 'id' },
  },
  {
    target: 'action editRowAction',
    from: 'their own draft',
    as: 'pm',
    kinds: { cycleId: 'id', draft: 'line', row: 'id' },
  },
  { target: 'action commitImportAction', from: 'their own draft', as: 'pm', kinds: { cycleId: 'id', draft: 'line' } },
  {
    target: 'action undoImportAction',
    from: 'an import nothing was decided on',
    as: 'pm',
    kinds: { cycleId: 'id', importId: 'id' },
  },
];
