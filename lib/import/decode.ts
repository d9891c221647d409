/**
 * What an uploaded file is, judged by its bytes and never by its name, and its text when it is text.
 * Spreadsheets saved on Windows are often Windows-1252 rather than UTF-8: such a file is decoded as
 * Windows-1252 and the preview says so, instead of showing mangled names.
 */
import { ValidationError } from '@/lib/errors';

export type FileKind = 'xlsx' | 'text';

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel or Word file (.xls/.doc): save it as .xlsx or CSV' },
  { bytes: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export const fileError = (message: string) => new ValidationError({ file: [message] }, message);

/** A zip archive is an XLSX candidate (the workbook reader tells it from a .docx); other binaries are refused. */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw fileError('The file is empty.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes)) throw fileError(`This file is ${m.what}, not a CSV or XLSX spreadsheet.`);
  }
  return 'text';
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need > 0) {
      if (i + need >= bytes.length) return i;
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
      for (let k = 2; k <= need; k++) {
        const c = bytes[i + k];
        if (c < 0x80 || c > 0xbf) return i;
      }
    }
    i += need + 1;
  }
  return -1;
}

/** Control characters other than tab and line breaks, and the code points Windows-1252 leaves undefined. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
function implausible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || UNDEFINED_IN_1252.has(c)) return true;
  }
  return false;
}

/** What Windows-1252 puts at 0x80–0x9F (where Latin-1 has control characters); 0 where it has nothing. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252 by its table. Some Node versions' TextDecoder('windows-1252') decodes as Latin-1,
 * which turns curly quotes and dashes into control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const high = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    out += String.fromCharCode(high === 0 ? 0x80 + (b - 0x80) : high);
  }
  return out;
}

/**
 * The text of a CSV or pasted file: UTF-8 (a BOM is dropped), else Windows-1252 when that reads as
 * plausible text (with a note saying so), else an error naming the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; note?: string } {
  const offset = invalidUtf8Offset(bytes);
  if (offset < 0) {
    const text = new TextDecoder('utf-8').decode(bytes); // drops a leading BOM
    if (implausible(text)) throw fileError('This file is not text: it is not a CSV or XLSX spreadsheet.');
    return { text };
  }
  const text = decodeWindows1252(bytes);
  if (!implausible(text)) {
    return { text, note: 'The file is not UTF-8: it was read as Windows-1252 (Western European) text.' };
  }
  throw fileError(
    `The file is not valid UTF-8 text (the byte at offset ${offset.toLocaleString('en')} is not UTF-8): save it as “CSV UTF-8” and upload it again.`,
  );
}
