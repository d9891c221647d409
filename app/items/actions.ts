'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createItem, setItemStatus, updateItem } from '@/lib/backlog/items.server';
import { formId, formList, formText } from '@/lib/validation';
import { STATUS_LABEL } from '@/lib/backlog/labels';

const ItemForm = { moduleIds: formList(z.string()) };

export const createItemAction = formAction(
  z.looseObject({ cycleId: formId, ...ItemForm }),
  (input, user) => createItem(user, input.cycleId, input),
  { redirect: (item) => `/items/${item.id}?saved=created` },
);

export const updateItemAction = formAction(
  z.looseObject({ itemId: formId, version: formText, ...ItemForm }),
  (input, user) => updateItem(user, input.itemId, input, input.version),
  { redirect: (_r, input) => `/items/${input.itemId}?saved=updated` },
);

export const setStatusAction = formAction(
  z.object({ itemId: formId, version: formId, status: formText, reason: formText }),
  (input, user) =>
    setItemStatus(user, input.itemId, input.status, input.version, input.reason.trim().slice(0, 2000) || undefined),
  { message: (item) => `Status changed to ${STATUS_LABEL[item.status]}.` },
);
