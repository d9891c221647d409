import { ssoConnections, ssoDomains, ssoGroupMappings, type Role } from '@/db/schema';
import { db } from '@/db/client';

let n = 0;

/** A connection row with its domains (and group mappings), as an admin would have set it up. */
export async function makeConnection(
  opts: {
    protocol?: 'oidc' | 'saml';
    name?: string;
    domains?: string[];
    enabled?: boolean;
    enforced?: boolean;
    allowIdpInitiated?: boolean;
    config?: Record<string, unknown>;
    secretCiphertext?: string | null;
    mappings?: { groupName: string; role?: Role; departmentId?: number }[];
  } = {},
) {
  const tag = ++n;
  const now = Date.now();
  const row = (
    await db
      .insert(ssoConnections)
      .values({
        name: opts.name ?? `Connection ${tag}-${process.pid}`,
        protocol: opts.protocol ?? 'oidc',
        enabled: opts.enabled ?? true,
        enforced: opts.enforced ?? false,
        allowIdpInitiated: opts.allowIdpInitiated ?? false,
        config: opts.config ?? {},
        secretCiphertext: opts.secretCiphertext ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
  )[0];
  const domains = opts.domains ?? [`sso${tag}-${Math.random().toString(36).slice(2, 8)}.example`];
  if (domains.length) await db.insert(ssoDomains).values(domains.map((domain) => ({ connectionId: row.id, domain })));
  for (const m of opts.mappings ?? [])
    await db.insert(ssoGroupMappings).values({
      connectionId: row.id,
      groupName: m.groupName,
      role: m.role ?? null,
      departmentId: m.departmentId ?? null,
    });
  return { ...row, domains, domain: domains[0] };
}
