'use server';
import { signOut } from '@/lib/auth/auth.server';

export async function signOutAction() {
  await signOut({ redirectTo: '/signin' });
}
