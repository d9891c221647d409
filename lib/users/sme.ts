/**
 * An item's SME is free text: a name, or the e-mail of someone Quorum knows. Pages show the person's
 * name for an e-mail they can resolve (`smeNamesByEmail` in ./sme-names.server.ts builds the lookup);
 * anything else is shown as written. Pure, so the backlog table resolves its rows in the browser.
 */

/** The lookup key of an e-mail: as `users.email` stores it (lower case), without stray spaces. */
export const emailKey = (text: string) => text.trim().toLowerCase();

/** Whether the SME text is written as an e-mail address (only those are looked up). */
export const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text.trim());

/** The SME as a person reads it: "Erik Engineer" for "engineer@quorum.test", otherwise the text itself. */
export function smeName(sme: string, namesByEmail: Readonly<Record<string, string>>): string {
  return looksLikeEmail(sme) ? (namesByEmail[emailKey(sme)] ?? sme.trim()) : sme;
}
