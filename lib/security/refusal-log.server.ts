import 'server-only';

/**
 * A refused request from outside that wrote nothing (a wrong SCIM token, a SCIM body refused, IdP
 * metadata refused), written to the server's log as one JSON line for the operator's log search.
 * Refused sign-ins go to the event log instead (lib/sso/provision.server.ts): they concern a person.
 * Never pass a secret or a whole body here.
 */
export function logRefusal(kind: string, detail: Record<string, string | number | null>): void {
  console.warn(JSON.stringify({ refused: kind, at: new Date().toISOString(), ...detail }));
}
