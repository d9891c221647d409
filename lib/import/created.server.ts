import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { departments, importHeaderMappings, modules, themes } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import type { Executor } from '@/lib/events/log.server';
import { nameKey } from './cells';
import type { Draft } from './draft.server';
import { headerKey } from './fields';
import type { NormalisedRow, Ref } from './normalise';

type Kind = 'theme' | 'department' | 'module';

/** Creates the themes, departments and modules the rows name by a new name, once per name. */
export async function createMissing(tx: Executor, cycleId: number, rows: NormalisedRow[]) {
  const ids: Record<Kind, Map<string, number>> = { theme: new Map(), department: new Map(), module: new Map() };
  const made: Record<Kind, number[]> = { theme: [], department: [], module: [] };
  const names = (kind: Kind) =>
    rows.flatMap((r) =>
      kind === 'theme'
        ? r.item.theme
          ? [r.item.theme]
          : []
        : kind === 'department'
          ? [r.item.department]
          : r.item.modules,
    );
  let position =
    (first(
      await tx
        .select({ m: sql<number | null>`max(${themes.position})` })
        .from(themes)
        .where(eq(themes.cycleId, cycleId)),
    )?.m ?? -1) + 1;
  for (const kind of ['theme', 'department', 'module'] as const) {
    for (const ref of names(kind)) {
      if ('id' in ref || ids[kind].has(nameKey(ref.name))) continue;
      const name = ref.name.trim();
      const row =
        kind === 'theme'
          ? (
              await tx
                .insert(themes)
                .values({ cycleId, name, keyOutcome: '', position: position++ })
                .returning({ id: themes.id })
            )[0]
          : kind === 'department'
            ? (await tx.insert(departments).values({ name }).returning({ id: departments.id }))[0]
            : (await tx.insert(modules).values({ name }).returning({ id: modules.id }))[0];
      ids[kind].set(nameKey(ref.name), row.id);
      made[kind].push(row.id);
    }
  }
  return {
    themes: made.theme,
    departments: made.department,
    modules: made.module,
    idOf: (kind: Kind, ref: Ref): number => ('id' in ref ? ref.id : ids[kind].get(nameKey(ref.name))!),
  };
}

/** The pm's mapping becomes the first suggestion for the same headers next time. */
export async function rememberMapping(tx: Executor, actor: ActingUser, draft: Draft) {
  const at = Date.now();
  const seen = new Set<string>();
  for (const [i, header] of draft.headers.entries()) {
    const key = headerKey(header);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const field = draft.mapping[i];
    await tx
      .insert(importHeaderMappings)
      .values({ headerKey: key, field, updatedAt: at, updatedById: actor.id })
      .onConflictDoUpdate({
        target: importHeaderMappings.headerKey,
        set: { field, updatedAt: at, updatedById: actor.id },
      });
  }
}
