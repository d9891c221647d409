import { beforeAll, describe, expect, it } from 'vitest';
import { ssoConnections, ssoGroupMappings, type Role } from '@/db/schema';
import { makeDepartment } from '@/db/factories';
import { db } from '@/lib/testing/db';
import { roleAndDepartmentFromGroups } from './group-mapping.server';

async function connection(): Promise<number> {
  const now = Date.now();
  const [row] = await db
    .insert(ssoConnections)
    .values({ name: 'IdP', protocol: 'oidc', config: {}, createdAt: now, updatedAt: now })
    .returning();
  return row.id;
}

async function map(connectionId: number, groupName: string, role: Role | null, departmentId: number | null = null) {
  await db.insert(ssoGroupMappings).values({ connectionId, groupName, role, departmentId });
}

let conn: number;
let other: number;
let sales: number;
let finance: number;
beforeAll(async () => {
  conn = await connection();
  other = await connection();
  sales = (await makeDepartment(db)).id;
  finance = (await makeDepartment(db)).id;
  await map(conn, 'Quorum Engineers', 'engineer', null);
  await map(conn, 'Quorum-PMs', 'pm', finance);
  await map(conn, 'Sales team', null, sales);
  await map(conn, 'Leaders', 'leader', null);
  await map(other, 'Admins', 'admin', null);
});

describe('roleAndDepartmentFromGroups', () => {
  it('gives nulls when no group matches, or there are no groups', async () => {
    expect(await roleAndDepartmentFromGroups(conn, [])).toEqual({ role: null, departmentId: null });
    expect(await roleAndDepartmentFromGroups(conn, ['Nobody'])).toEqual({ role: null, departmentId: null });
  });

  it('compares group names without regard to case', async () => {
    expect(await roleAndDepartmentFromGroups(conn, ['quorum engineers'])).toEqual({
      role: 'engineer',
      departmentId: null,
    });
    expect(await roleAndDepartmentFromGroups(conn, ['SALES TEAM'])).toEqual({ role: null, departmentId: sales });
  });

  it('gives the most senior role of the matching groups, whatever their order', async () => {
    expect((await roleAndDepartmentFromGroups(conn, ['Quorum Engineers', 'Leaders'])).role).toBe('leader');
    expect((await roleAndDepartmentFromGroups(conn, ['Leaders', 'Quorum-PMs', 'Quorum Engineers'])).role).toBe('pm');
  });

  it('takes the department of the earliest mapping (by id) that has one', async () => {
    // Quorum-PMs was mapped before Sales team: its department wins, whatever order the groups come in.
    expect(await roleAndDepartmentFromGroups(conn, ['Sales team', 'Quorum-PMs'])).toEqual({
      role: 'pm',
      departmentId: finance,
    });
    expect(await roleAndDepartmentFromGroups(conn, ['Sales team', 'Leaders'])).toEqual({
      role: 'leader',
      departmentId: sales,
    });
  });

  it('reads only the given connection’s mappings', async () => {
    expect(await roleAndDepartmentFromGroups(conn, ['Admins'])).toEqual({ role: null, departmentId: null });
    expect(await roleAndDepartmentFromGroups(other, ['admins', 'Leaders'])).toEqual({
      role: 'admin',
      departmentId: null,
    });
  });
});
