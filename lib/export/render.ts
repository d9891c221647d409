import { CSV_CONTENT_TYPE, toCsvFile } from './csv';
import { exportFilename, type ExportFile, type TableFormat } from './file';
import type { ExportTable } from './table';
import { toXlsxFile, XLSX_CONTENT_TYPE } from './xlsx';

/** A table as the requested download, named after the cycle, what it holds and today's date. */
export async function renderTable(
  table: ExportTable,
  format: TableFormat,
  names: { cycleName: string; what: string; sheetName: string },
  day = new Date(),
): Promise<ExportFile> {
  const filename = exportFilename(names.cycleName, names.what, day, format);
  return format === 'csv'
    ? { body: toCsvFile(table), contentType: CSV_CONTENT_TYPE, filename }
    : { body: await toXlsxFile(table, names.sheetName), contentType: XLSX_CONTENT_TYPE, filename };
}
