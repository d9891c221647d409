'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { createCycle, updateCycle } from '@/lib/cycles/cycles.server';
import { addTheme, moveTheme, removeTheme, updateTheme } from '@/lib/cycles/themes.server';
import { cycleFormToInput } from '@/lib/cycles/schema';
import { formId } from '@/lib/validation';

const CycleForm = z.looseObject({});
const CycleRef = z.looseObject({ cycleId: formId });
const ThemeRef = z.looseObject({ cycleId: formId, themeId: formId });
const settingsPath = (input: { cycleId: number }) => `/cycles/${input.cycleId}/settings`;

export const createCycleAction = formAction(CycleForm, (input, user) => createCycle(user, cycleFormToInput(input)), {
  redirect: (cycle) => `/cycles/${cycle.id}/settings?created=1`,
});

export const updateCycleAction = formAction(
  CycleRef,
  (input, user) => updateCycle(user, input.cycleId, cycleFormToInput(input)),
  { message: 'Cycle saved.', revalidate: (input) => `/cycles/${input.cycleId}/layout` },
);

export const addThemeAction = formAction(CycleRef, (input, user) => addTheme(user, input.cycleId, input), {
  message: 'Theme added.',
  revalidate: settingsPath,
});

export const updateThemeAction = formAction(
  ThemeRef,
  (input, user) => updateTheme(user, input.cycleId, input.themeId, input),
  { message: 'Theme saved.', revalidate: settingsPath },
);

export const themeCommandAction = formAction(
  ThemeRef.extend({ command: z.enum(['up', 'down', 'remove'], { error: 'Choose up, down or remove.' }) }),
  async (input, user) => {
    if (input.command === 'remove') await removeTheme(user, input.cycleId, input.themeId);
    else await moveTheme(user, input.cycleId, input.themeId, input.command);
  },
  { revalidate: settingsPath },
);
