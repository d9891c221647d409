/**
 * The import's limits, browser-safe: the file picker checks the size before uploading (a larger body
 * would be refused before it reached the import, without a word in the form), and the server checks
 * every one of them again.
 */
export const MAX_IMPORT_FILE_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_COLUMNS = 60;

export const FILE_TOO_LARGE = `The file is larger than the limit of 1 MB (${MAX_IMPORT_FILE_BYTES.toLocaleString('en')} bytes).`;
