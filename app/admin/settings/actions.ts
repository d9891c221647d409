'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { saveMeetingSettings } from '@/lib/settings/admin.server';

export const saveSettingsAction = formAction(z.looseObject({}), (input, user) => saveMeetingSettings(user, input), {
  message: 'Settings saved.',
  revalidate: () => '/admin/settings',
});
