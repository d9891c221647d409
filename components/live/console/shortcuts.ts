/** The facilitator's keyboard shortcuts: one key (or two synonyms) per action, as the help lists them. */
export const SHORTCUTS = [
  { keys: ['n', 'j'], action: 'next', label: 'Next item' },
  { keys: ['p', 'k'], action: 'previous', label: 'Previous item' },
  { keys: ['r'], action: 'reveal', label: 'Reveal the votes' },
  { keys: ['a'], action: 'accepted', label: 'Choose Accept in the decision form' },
  { keys: ['x'], action: 'rejected', label: 'Choose Reject in the decision form' },
  { keys: ['d'], action: 'deferred', label: 'Choose Defer in the decision form' },
  { keys: ['?'], action: 'help', label: 'Show these shortcuts' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

const BY_KEY = new Map<string, ShortcutAction>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action] as const)));

/** Fields where a key types a character: a shortcut must never fire there. */
const TYPES_TEXT = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NOT_TYPING = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

/** The action of a key press, or null (a modifier held, typing in a field, or no shortcut). */
export function shortcutOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && typeof target.tagName === 'string') {
    if (target.isContentEditable) return null;
    if (TYPES_TEXT.has(target.tagName) && !NOT_TYPING.has((target as HTMLInputElement).type)) return null;
  }
  return BY_KEY.get(event.key) ?? null;
}
