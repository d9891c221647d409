import { z } from 'zod';
import { singleLine } from '@/lib/validation';

/** The two lists an admin keeps: who belongs where (departments) and which product areas items touch (modules). */
export const DIRECTORY_KINDS = ['department', 'module'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const KIND_LABEL: Record<DirectoryKind, { one: string; capital: string; many: string; heading: string }> = {
  department: { one: 'department', capital: 'Department', many: 'departments', heading: 'Departments' },
  module: { one: 'module', capital: 'Module', many: 'modules', heading: 'Modules' },
};

export const NAME_MAX = 80;

export const EntryNameSchema = z.object({
  name: singleLine('The name', NAME_MAX, { required: 'Enter a name.' }),
});

/** Names are unique whatever their case: "Sales" and "sales" would read as one department in every list. */
export const nameKey = (name: string) => name.trim().toLocaleLowerCase('en');
