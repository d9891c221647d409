import type { Locator } from '@playwright/test';

/**
 * Colours as the browser paints them, to check the status colour language: what an element's text
 * and background are in sRGB (whatever CSS colour space the stylesheet used: the browser converts
 * through a canvas), the WCAG contrast between them, and the hue that tells one state from another.
 */

export type Rgb = [number, number, number];
export type Painted = { text: Rgb; background: Rgb };

/** The element's text colour and the background it sits on (its own, or the nearest painted ancestor's). */
export async function painted(locator: Locator): Promise<Painted> {
  return locator.evaluate((el) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data] as [number, number, number, number];
    };
    let node: Element | null = el;
    let background: [number, number, number, number] = [255, 255, 255, 255];
    while (node) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) {
        background = c;
        break;
      }
      node = node.parentElement;
    }
    const text = rgba(getComputedStyle(el).color);
    return {
      text: [text[0], text[1], text[2]] as [number, number, number],
      background: [background[0], background[1], background[2]] as [number, number, number],
    };
  });
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Hue in degrees (0–360) and saturation (0–1), HSL-style. */
export function hueOf([r, g, b]: Rgb): { hue: number; saturation: number } {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const d = max - min;
  const l = (max + min) / 2;
  const saturation = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let hue = 0;
  if (d !== 0) {
    if (max === rr) hue = 60 * (((gg - bb) / d) % 6);
    else if (max === gg) hue = 60 * ((bb - rr) / d + 2);
    else hue = 60 * ((rr - gg) / d + 4);
  }
  return { hue: (hue + 360) % 360, saturation };
}

/** How far apart two hues are around the colour wheel, in degrees. */
export function hueDistance(a: Rgb, b: Rgb): number {
  const d = Math.abs(hueOf(a).hue - hueOf(b).hue);
  return Math.min(d, 360 - d);
}

/** Green, as people name it: what a success box or an "accepted" badge looks like. */
export const isGreen = (c: Rgb) => {
  const { hue, saturation } = hueOf(c);
  return saturation > 0.15 && hue >= 80 && hue <= 170;
};
