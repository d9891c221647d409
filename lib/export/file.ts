import { z } from 'zod';
import { ValidationError } from '@/lib/errors';

/**
 * The download's name: the cycle's name as a slug, what it holds and the day, e.g.
 * `q3-2026-backlog-2026-11-26.xlsx`. Only lower-case letters, digits and dashes, so it needs no
 * quoting anywhere.
 */
export function exportFilename(cycleName: string, what: string, day: Date, extension: string): string {
  const slug =
    cycleName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'cycle';
  return `${slug}-${what}-${day.toISOString().slice(0, 10)}.${extension}`;
}

/** `attachment` with both a plain `filename` (older clients) and an RFC 5987 `filename*`. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export type ExportFile = { body: string | Uint8Array; contentType: string; filename: string };

/** The download as a response. What a viewer may download depends on who they are: never cached. */
export function fileResponse(file: ExportFile): Response {
  const body = typeof file.body === 'string' ? file.body : new Blob([file.body as Uint8Array<ArrayBuffer>]);
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.filename),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The `format` query parameter, one of `allowed`, or a ValidationError naming it (a 400 in the route). */
export function parseFormat<const T extends readonly [string, ...string[]]>(
  raw: string | null | undefined,
  allowed: T,
): T[number] {
  const parsed = z.enum(allowed).safeParse(raw);
  if (parsed.success) return parsed.data;
  const list = allowed.join(', ');
  const message = `The format must be one of ${list}: add ?format=${allowed[0]} (got ${raw ? `"${raw.slice(0, 20)}"` : 'none'}).`;
  throw new ValidationError({ format: [message] }, message);
}
