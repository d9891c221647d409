'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { signOut } from '@/lib/auth/auth.server';

export const signOutAction = formAction(z.object({}), () => signOut({ redirectTo: '/signin' }));
