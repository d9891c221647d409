/** The matrix's rows for the non-functional target and the backlog by module. */
import { allow, BACKLOG, MANAGERS, str, type Row } from './rows';
import { cycle } from './scene';

export const NFR_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/modules',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/modules` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'action setNfrTargetAction',
    case: 'a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'setNfrTargetAction',
        fields: { cycleId: str(c.id), nfrTargetPercent: '25' },
        from: `/cycles/${c.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
];
