import type { Locator, Page } from '@playwright/test';

/**
 * Drags `handle` onto `target` with the mouse, in small steps as a hand does (dnd-kit starts a drag
 * only after the pointer has moved a few pixels).
 *
 * After the drop, dnd-kit swallows every click on the page for 50 ms (so the drop is not also taken
 * as a click on what lies under the pointer). A person never clicks that fast; a test does, and its
 * next click would be lost. So this waits that window out before handing back.
 */
export async function dragByMouse(page: Page, handle: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + (to.y < from.y ? -8 : 8), { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.waitForTimeout(DND_KIT_CLICK_SUPPRESSION_MS * 3);
}

/** How long dnd-kit's pointer sensor keeps swallowing clicks after a drop. */
const DND_KIT_CLICK_SUPPRESSION_MS = 50;
