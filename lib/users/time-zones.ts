/**
 * The zones a person may choose: the runtime's IANA list, plus UTC itself (the list names only
 * places). Pure, so the settings form can be built from the same list the server checks against.
 */
export function timeZoneChoices(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
}

export function isTimeZone(value: string): boolean {
  return timeZoneChoices().includes(value);
}
