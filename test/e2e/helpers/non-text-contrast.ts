import type { Page } from 'playwright-core';

export type BoundaryContrast = { readonly selector: string; readonly ratio: number };

type Rgba = readonly [number, number, number, number];

const parseColor = (css: string): Rgba | null => {
  const parts = /rgba?\(([^)]+)\)/
    .exec(css)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (!parts || parts.length < 3) return null;
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
};

/** WCAG 2 relative luminance of an sRGB colour (0–255 channels). */
export const relativeLuminance = ([r, g, b]: Rgba): number => {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};

export const contrastRatio = (a: Rgba, b: Rgba): number => {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
};

/** `top` painted over an opaque `under`. */
const over = (top: Rgba, under: Rgba): Rgba => {
  const alpha = top[3];
  return [0, 1, 2]
    .map((i) => (top[i] ?? 0) * alpha + (under[i] ?? 0) * (1 - alpha))
    .concat(1) as unknown as Rgba;
};

/** The few DOM calls made in the page, typed by hand: the node tsconfig has no DOM types. */
type StyledElement = { readonly parentElement: StyledElement | null };
type PageDom = {
  readonly document: { querySelectorAll(selector: string): Iterable<StyledElement> };
  getComputedStyle(element: StyledElement): {
    readonly borderTopColor: string;
    readonly borderTopWidth: string;
    readonly backgroundColor: string;
  };
};

type Painted = {
  readonly selector: string;
  readonly border: string;
  readonly borderWidth: number;
  readonly fill: string;
  readonly behind: string[];
};

/**
 * What tells a control's shape apart from what is behind it: its border when it has one wide enough to see, else
 * its fill. Colours come from computed styles; the backdrop is every ancestor's background, composed from the
 * page down, so a translucent panel counts as what it shows.
 */
export const boundaryContrasts = async (
  page: Page,
  selectors: readonly string[],
): Promise<BoundaryContrast[]> => {
  const painted: Painted[] = await page.evaluate((wanted) => {
    const dom = globalThis as unknown as PageDom;
    const found: Painted[] = [];
    for (const selector of wanted) {
      let index = 0;
      for (const element of dom.document.querySelectorAll(selector)) {
        const style = dom.getComputedStyle(element);
        const behind: string[] = [];
        for (let node = element.parentElement; node; node = node.parentElement) {
          behind.push(dom.getComputedStyle(node).backgroundColor);
        }
        found.push({
          selector: `${selector}[${index.toString()}]`,
          border: style.borderTopColor,
          borderWidth: parseFloat(style.borderTopWidth),
          fill: style.backgroundColor,
          behind,
        });
        index += 1;
      }
    }
    return found;
  }, selectors);
  return painted.map((item) => {
    const backdrop = item.behind
      .map(parseColor)
      .reverse()
      .reduce<Rgba>((under, layer) => (layer ? over(layer, under) : under), [255, 255, 255, 1]);
    const fill = over(parseColor(item.fill) ?? [0, 0, 0, 0], backdrop);
    const border = parseColor(item.border);
    const edge = item.borderWidth >= 1 && border ? over(border, fill) : fill;
    // A border only has to stand out from one side; the better of fill and border is what the eye uses.
    const ratio = Math.max(contrastRatio(edge, backdrop), contrastRatio(fill, backdrop));
    return { selector: item.selector, ratio };
  });
};
