/**
 * The limits of a delivery record, apart from its zod schema: the form in the browser shows them, and
 * zod builds its parsers with `new Function`, which the Content-Security-Policy forbids there.
 */
export const RELEASE_NOTES_MAX = 10_000;
export const LINKS_MAX = 10;
export const LINK_LENGTH_MAX = 2_000;
export const MILESTONE_NAME_MAX = 200;
export const ACTUAL_WEEKS_MAX = 520;
