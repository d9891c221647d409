'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { saveMeetingSettings } from '@/lib/settings/admin';

export const saveSettingsAction = formAction(z.looseObject({}), (input, user) => saveMeetingSettings(user, input), {
  message: 'Settings saved.',
  revalidate: () => '/admin/settings',
});
