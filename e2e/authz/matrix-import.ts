/**
 * The matrix rows of importing a backlog: the page and its actions are for those who may add items
 * and edit every field (pm, admin). A draft is sealed for the cell's own person, as the server
 * would have answered them, so an allowed cell reaches the real work.
 */
import { importDraft, makeImport } from '../fixtures/import';
import { allow, MANAGERS, str, type Row } from './rows';
import { cycle, meOr, type Scene } from './scene';

const MANAGER_ONLY = allow(MANAGERS, 'forbidden');

/** A planning cycle and a draft of the cell's person (or a pm's, for nobody signed in). */
async function drafted(s: Scene) {
  const c = await cycle(s);
  const me = await meOr(s, 'pm');
  const draft = importDraft({ actorId: me.id, cycleId: c.id, departmentId: me.departmentId });
  return { c, me, draft, from: `/cycles/${c.id}/import` };
}

export const IMPORT_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/import',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/import` }),
    expect: MANAGER_ONLY,
  },
  {
    target: 'action startImportAction',
    case: 'pasted rows',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'startImportAction',
        fields: { cycleId: str(c.id), paste: 'Title\tSize\nOne\tM\n', sheet: '' },
        from: `/cycles/${c.id}/import`,
      };
    },
    expect: MANAGER_ONLY,
  },
  {
    target: 'action updateMappingAction',
    case: 'their own draft',
    call: async (s) => {
      const { c, me, draft, from } = await drafted(s);
      return {
        action: 'updateMappingAction',
        fields: {
          cycleId: str(c.id),
          draft,
          'map.0': 'title',
          'map.1': 'estimate',
          fallbackDepartmentId: str(me.departmentId),
        },
        from,
      };
    },
    expect: MANAGER_ONLY,
  },
  {
    target: 'action editRowAction',
    case: 'their own draft',
    call: async (s) => {
      const { c, draft, from } = await drafted(s);
      return { action: 'editRowAction', fields: { cycleId: str(c.id), draft, row: '1', title: 'Renamed' }, from };
    },
    expect: MANAGER_ONLY,
  },
  {
    target: 'action commitImportAction',
    case: 'their own draft',
    call: async (s) => {
      const { c, draft, from } = await drafted(s);
      return { action: 'commitImportAction', fields: { cycleId: str(c.id), draft }, from };
    },
    expect: MANAGER_ONLY,
  },
  {
    target: 'action undoImportAction',
    case: 'an import nothing was decided on',
    call: async (s) => {
      const c = await cycle(s);
      const me = await meOr(s, 'pm');
      const record = await makeImport(s.world.db, { actorId: me.id, cycleId: c.id, departmentId: me.departmentId });
      return {
        action: 'undoImportAction',
        fields: { cycleId: str(c.id), importId: str(record.id) },
        from: `/cycles/${c.id}/import`,
      };
    },
    expect: MANAGER_ONLY,
  },
];
