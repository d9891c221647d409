// The enums of the schema, re-exported so components reach them through lib/ (never db/).
export { CADENCES, ITEM_STATUSES, KINDS, SIZES } from '@/db/schema/backlog';
export type { ItemStatus, Kind, Size, SizeWeeks } from '@/db/schema/backlog';
