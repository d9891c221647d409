/** Only same-site paths are followed after sign-in; anything else goes home. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value.startsWith('/signin') || value.startsWith('/api/')) return '/';
  return value.slice(0, 2000);
}
