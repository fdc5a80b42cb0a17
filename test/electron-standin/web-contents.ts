import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Frame, Page, Route } from 'playwright-core';
import { toAppUrl, toChromiumUrl } from './protocol';
import { record } from './record';
import { StandinSession } from './session';

type OpenHandler = (details: { url: string; frameName: string; features: string }) => { action: string };

/** Electron's WebFrameMain as the kiosk reads it: one stable object per frame, its URL as Electron reports it. */
export class StandinFrame {
  constructor(private readonly frame: () => Frame | null) {}
  get url(): string {
    return toAppUrl(this.frame()?.url() ?? '');
  }
}

let nextId = 1;

/**
 * A WebContents: navigation events (from Chromium's own navigation requests, so a page that sets location is
 * seen and can be refused), the window-open handler, send() with structured-clone arguments, the session and
 * the main frame. Its page is created when the window is; calls made before that are queued behind it.
 */
export class StandinWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new StandinSession();
  readonly mainFrame: StandinFrame;
  private readonly frames = new WeakMap<Frame, StandinFrame>();
  private openHandler: OpenHandler | null = null;
  private destroyed = false;
  private loading: string | null = null;
  readonly deliverKey = `__standin_${randomBytes(8).toString('hex')}`;

  constructor(readonly page: Promise<Page>) {
    super();
    let main: Frame | null = null;
    void page.then((p) => {
      main = p.mainFrame();
    });
    this.mainFrame = new StandinFrame(() => main);
  }

  frameFor(frame: Frame, page: Page): StandinFrame {
    if (frame === page.mainFrame()) return this.mainFrame;
    let known = this.frames.get(frame);
    if (known === undefined) {
      known = new StandinFrame(() => frame);
      this.frames.set(frame, known);
    }
    return known;
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  markDestroyed(): void {
    this.destroyed = true;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  private zoomFactor = 1;
  private zoomLimits: [number, number] = [1, 3];

  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }

  getZoomFactor(): number {
    return this.zoomFactor;
  }

  setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.zoomLimits = [minimum, maximum];
    return Promise.resolve();
  }

  /** A pinch or Ctrl+wheel on the page, as Chromium would report it. */
  zoomBy(factor: number): void {
    this.zoomFactor = factor;
    this.emit('zoom-changed', {}, factor > 1 ? 'in' : 'out');
  }

  describeZoom(): { factor: number; limits: [number, number] } {
    return { factor: this.zoomFactor, limits: this.zoomLimits };
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    // Electron serializes with the structured clone algorithm: what cannot be cloned fails here, in main.
    const payload = structuredClone(args);
    record({ event: 'webcontents.send', channel, payload: payload[0] ?? null });
    void this.page.then((p) =>
      p
        .evaluate(
          ([key, name, body]) => {
            const deliver = (globalThis as unknown as Record<string, unknown>)[key] as
              ((channel: string, args: unknown[]) => void) | undefined;
            deliver?.(name, body);
          },
          [this.deliverKey, channel, payload] as const,
        )
        .catch(() => undefined),
    );
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.page;
    const target = await toChromiumUrl(url);
    this.loading = target;
    record({ event: 'webcontents.load', url });
    await page.goto(target, { waitUntil: 'load' });
    this.loading = null;
    this.emit('did-finish-load');
  }

  /** A navigation Chromium is about to make: the app's own loadURL passes, anything else asks will-navigate. */
  async route(route: Route, page: Page): Promise<void> {
    const request = route.request();
    if (
      !request.isNavigationRequest() ||
      request.frame() !== page.mainFrame() ||
      request.url() === this.loading
    ) {
      await route.continue();
      return;
    }
    const decision = { prevented: false };
    const url = toAppUrl(request.url());
    this.emit('will-navigate', { preventDefault: () => (decision.prevented = true), url }, url);
    record({ event: 'webcontents.will-navigate', url, prevented: decision.prevented });
    if (decision.prevented) await route.abort('aborted');
    else await route.continue();
  }

  /** A pop-up the page opened: Electron would have asked the handler first; deny means it never shows. */
  async popup(popup: Page): Promise<void> {
    const url = toAppUrl(popup.url());
    const action = this.openHandler?.({ url, frameName: '', features: '' }).action ?? 'allow';
    record({ event: 'webcontents.window-open', url, action });
    if (action === 'deny') await popup.close();
  }
}
