/**
 * Fractional indexing: string keys that sort with plain `<` (JS string comparison, the same order
 * as SQLite's default BINARY collation), so an item can be placed between two others by writing
 * only its own key.
 *
 * A key is an integer part followed by a fractional part, both in base 62 ('0-9A-Za-z', which is
 * also ASCII order):
 * - the integer part's first character gives its length: 'a'..'z' → 2..27 characters (positive,
 *   growing), 'Z'..'A' → 2..27 characters (negative, shrinking). 'a0' is the first key handed out.
 *   Appending or prepending therefore steps the integer and keys grow only logarithmically.
 * - the fractional part (possibly empty) never ends with '0', the smallest digit, so there is
 *   always room for another key between any two keys.
 *
 * Pure and dependency-free so the browser (optimistic moves) and the server compute the same keys.
 */

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const ZERO = DIGITS[0];
/** The smallest integer part: not a valid key, since nothing could ever be placed before it. */
const SMALLEST_INTEGER = 'A' + ZERO.repeat(26);
const FIRST_KEY = 'a' + ZERO;

function integerLength(head: string): number | null {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  return null;
}

/** True if `key` is a well-formed key this module could have produced. */
export function isValidKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0) return false;
  const length = integerLength(key[0]);
  if (length === null || key.length < length) return false;
  for (const ch of key) if (!DIGITS.includes(ch)) return false;
  if (key === SMALLEST_INTEGER) return false;
  return key.length === length || !key.endsWith(ZERO);
}

function assertKey(key: string): void {
  if (!isValidKey(key)) throw new Error(`Invalid order key: ${JSON.stringify(key)}`);
}

function split(key: string): [integer: string, fraction: string] {
  const length = integerLength(key[0])!;
  return [key.slice(0, length), key.slice(length)];
}

/** A fraction strictly between fractions `a` and `b` (null = 1), never ending with '0'. */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Copy the common prefix (a padded with zeros), then work on the rest.
    let n = 0;
    while ((a[n] ?? ZERO) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0]) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0]) : BASE;
  if (digitB - digitA > 1) return DIGITS[Math.round((digitA + digitB) / 2)];
  // Adjacent digits: b's first digit alone is enough if b goes on; otherwise go one digit deeper.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[digitA] + midpoint(a.slice(1), null);
}

function incrementInteger(x: string): string | null {
  const [head, ...digits] = x;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i]) + 1;
    if (d < BASE) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = ZERO;
  }
  // Overflow: move to the next head, i.e. one digit longer (positive) or shorter (negative).
  if (head === 'Z') return FIRST_KEY;
  if (head === 'z') return null;
  const next = String.fromCharCode(head.charCodeAt(0) + 1);
  if (next > 'a') digits.push(ZERO);
  else digits.pop();
  return next + digits.join('');
}

function decrementInteger(x: string): string | null {
  const [head, ...digits] = x;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = DIGITS.indexOf(digits[i]) - 1;
    if (d >= 0) {
      digits[i] = DIGITS[d];
      return head + digits.join('');
    }
    digits[i] = DIGITS[BASE - 1];
  }
  if (head === 'a') return 'Z' + DIGITS[BASE - 1];
  if (head === 'A') return null;
  const prev = String.fromCharCode(head.charCodeAt(0) - 1);
  if (prev < 'Z') digits.push(DIGITS[BASE - 1]);
  else digits.pop();
  return prev + digits.join('');
}

/** A key strictly between `a` and `b`; null is an open end. Throws unless a < b. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) assertKey(a);
  if (b !== null) assertKey(b);
  if (a !== null && b !== null && a >= b) throw new Error(`keyBetween: ${a} is not before ${b}`);
  if (a === null && b === null) return FIRST_KEY;
  if (a === null) {
    const [ib, fb] = split(b!);
    if (ib === SMALLEST_INTEGER) return ib + midpoint('', fb);
    if (fb) return ib;
    const dec = decrementInteger(ib);
    if (dec === null) throw new Error('keyBetween: no key before the smallest key');
    return dec;
  }
  const [ia, fa] = split(a);
  if (b === null) return incrementInteger(ia) ?? ia + midpoint(fa, null);
  const [ib, fb] = split(b);
  if (ia === ib) return ia + midpoint(fa, fb);
  const inc = incrementInteger(ia);
  if (inc !== null && inc < b) return inc;
  return ia + midpoint(fa, null);
}

/** `n` sorted keys strictly between `a` and `b`, spread evenly (bisection inside, steps at open ends). */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`keysBetween: n must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return [];
  if (n === 1) return [keyBetween(a, b)];
  if (b === null) {
    const keys = [keyBetween(a, b)];
    while (keys.length < n) keys.push(keyBetween(keys[keys.length - 1], b));
    return keys;
  }
  if (a === null) {
    const keys = [keyBetween(a, b)];
    while (keys.length < n) keys.unshift(keyBetween(a, keys[0]));
    return keys;
  }
  const half = Math.floor(n / 2);
  const mid = keyBetween(a, b);
  return [...keysBetween(a, mid, half), mid, ...keysBetween(mid, b, n - half - 1)];
}

/** Keys for a fresh list of `n` items. */
export function initialKeys(n: number): string[] {
  return keysBetween(null, null, n);
}
