import type { Locator, Page } from 'playwright-core';

/** One thing a finger touches on the entry screen, in CSS pixels from the top-left of the viewport. */
export type TouchBox = {
  readonly name: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
};

/** How far up a seated person reaches on a portrait totem: the lowest 1200 px of the screen. */
export const REACH_PX = 1200;

/** The few element sizes the clipping check reads; the e2e's tsconfig has no DOM types. */
type Sized = {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly className: unknown;
};

const boxOf = async (target: Locator): Promise<TouchBox> => {
  const box = await target.boundingBox();
  const label = (await target.getAttribute('aria-label')) ?? (await target.textContent()) ?? '';
  if (box === null) throw new Error(`"${label}" is not on screen`);
  return {
    name: label.trim(),
    top: box.y,
    bottom: box.y + box.height,
    left: box.x,
    right: box.x + box.width,
  };
};

/** Every button on the entry screen (keys, submit, demo codes) and the code boxes, as laid out now. */
export const entryTouchBoxes = async (page: Page): Promise<TouchBox[]> => {
  const buttons = await page.locator('[data-screen="entry"] button').all();
  return Promise.all([...buttons, page.getByRole('status', { name: 'Pickup code' })].map(boxOf));
};

/** The boxes that stick out of the viewport: anything here is cut off on the kiosk (the page never scrolls). */
export const outsideViewport = (boxes: readonly TouchBox[], viewport: { width: number; height: number }) =>
  boxes.filter(
    (box) => box.top < 0 || box.left < 0 || box.bottom > viewport.height || box.right > viewport.width,
  );

/** Elements of the entry screen whose content is larger than they are: a label spilling out of its key. */
export const clippedContent = (page: Page): Promise<string[]> =>
  page
    .locator('[data-screen="entry"], [data-screen="entry"] *')
    .evaluateAll((elements: Sized[]) =>
      elements
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => String(e.className)),
    );
