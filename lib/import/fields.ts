/**
 * The item fields a spreadsheet column can fill, and which field a header most likely means.
 * Headers are matched on meaning: folded to lower-case letters and digits, split into words, and
 * compared with a table of synonyms, so "Exec. Sponsor (VP)" and "Business benefit" need no help.
 */
export const IMPORT_FIELDS = [
  'title',
  'description',
  'businessBenefit',
  'estimate',
  'kind',
  'theme',
  'department',
  'modules',
  'sme',
  'sponsor',
  'requestor',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = ImportField | 'ignore';
export const COLUMN_MAPPINGS = ['ignore', ...IMPORT_FIELDS] as const;

export const FIELD_LABEL: Record<ImportField, string> = {
  title: 'Title',
  description: 'Description',
  businessBenefit: 'Business benefit',
  estimate: 'Estimate',
  kind: 'Kind',
  theme: 'Theme',
  department: 'Department',
  modules: 'Modules',
  sme: 'SME',
  sponsor: 'Sponsor',
  requestor: 'Requestor',
};

/** Phrases (already folded) per field; a header matches a phrase when it holds all of the phrase's words. */
const SYNONYMS: Record<ColumnMapping, string[]> = {
  title: ['title', 'feature', 'summary', 'name', 'item', 'requirement', 'headline', 'story'],
  description: ['description', 'details', 'notes', 'detail', 'desc'],
  businessBenefit: ['business benefit', 'benefit', 'value', 'why', 'business value', 'rationale'],
  estimate: ['estimate', 'size', 'effort', 't shirt', 'tshirt', 'weeks', 'sizing'],
  sme: ['sme', 'expert', 'subject matter expert'],
  sponsor: ['exec sponsor', 'sponsor', 'executive'],
  department: ['team asking', 'department', 'requesting team', 'dept', 'team'],
  kind: ['category', 'type', 'kind'],
  modules: ['systems', 'modules', 'components', 'module', 'system', 'component'],
  theme: ['focus area', 'theme', 'objective', 'themes'],
  requestor: ['requestor', 'requested by', 'requester', 'raised by'],
  // Columns an export writes that an import must not read back into an item.
  ignore: ['rank', 'status', 'id', 'cycle', 'created', 'updated', 'version'],
};

/** Lower-case letters and digits, accents dropped, every other run of characters one space. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key a header's remembered mapping is stored under: letters and digits only. */
export function headerKey(header: string): string {
  return foldWords(header).replace(/ /g, '');
}

/**
 * How well a header matches a field: the number of words of its best matching phrase, an exact
 * match (the whole header is the phrase) counting double; 0 for no match.
 */
function score(header: string, field: ColumnMapping): number {
  const folded = foldWords(header);
  const words = new Set(folded.split(' '));
  let best = 0;
  for (const [rank, phrase] of SYNONYMS[field].entries()) {
    const need = phrase.split(' ');
    // The field's own name (first in its list) wins a tie with a synonym: "Title" over "Summary".
    if (folded === phrase || folded.replace(/ /g, '') === phrase.replace(/ /g, ''))
      best = Math.max(best, need.length * 2 + 1 + (rank === 0 ? 0.5 : 0));
    else if (need.every((w) => words.has(w))) best = Math.max(best, need.length);
  }
  return best;
}

/**
 * A suggested mapping per header: a remembered choice first, then the best synonym match. Each field
 * goes to at most one column (the best scoring one, earlier columns winning ties); the rest are ignored.
 */
export function suggestMapping(headers: string[], remembered: Record<string, string> = {}): ColumnMapping[] {
  const out: ColumnMapping[] = headers.map(() => 'ignore');
  const taken = new Set<ColumnMapping>();
  headers.forEach((h, i) => {
    const kept = remembered[headerKey(h)];
    if (
      kept &&
      (COLUMN_MAPPINGS as readonly string[]).includes(kept) &&
      (kept === 'ignore' || !taken.has(kept as ColumnMapping))
    ) {
      out[i] = kept as ColumnMapping;
      taken.add(kept as ColumnMapping);
    }
  });
  const candidates: { column: number; field: ColumnMapping; score: number }[] = [];
  headers.forEach((h, column) => {
    if (remembered[headerKey(h)]) return;
    for (const field of COLUMN_MAPPINGS) {
      const s = score(h, field);
      if (s > 0) candidates.push({ column, field, score: s });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const decided = new Set<number>();
  for (const c of candidates) {
    if (decided.has(c.column) || (c.field !== 'ignore' && taken.has(c.field))) continue;
    out[c.column] = c.field;
    decided.add(c.column);
    if (c.field !== 'ignore') taken.add(c.field);
  }
  return out;
}

/** Problems with a chosen mapping: a field mapped twice, or no title. Empty when it can be used. */
export function mappingProblems(headers: string[], mapping: ColumnMapping[]): string[] {
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const columns = mapping.flatMap((m, i) => (m === field ? [`“${headers[i]}”`] : []));
    if (columns.length > 1)
      problems.push(`${FIELD_LABEL[field]} is chosen for ${columns.join(' and ')}: choose it for one column only.`);
  }
  if (!mapping.includes('title')) problems.push('Choose the column that holds each item’s title.');
  return problems;
}
