'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { saveMeetingSettings } from '@/lib/meetings/meeting-settings.server';

export const saveSettingsAction = formAction(z.looseObject({}), (input, user) => saveMeetingSettings(user, input), {
  message: 'Settings saved.',
  revalidate: () => '/admin/settings',
});
