import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { launchChromium, type ChromiumHost } from './chromium-host';
import { record } from './record';

/** What the stand-in knows of a window, so the app can close them all on quit (BrowserWindow registers here). */
export type WindowLike = {
  isDestroyed(): boolean;
  /** Closes as a quit does: the `close` event may not veto it. */
  closeForQuit(): Promise<void>;
  destroyNow(): Promise<void>;
};

type PreventableEvent = { preventDefault(): void; readonly defaultPrevented: boolean };
const preventable = (): PreventableEvent => {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
};

/** The app's package.json: found upward from the main script, as Electron finds the app it runs. */
const appPackage = (): { name: string; productName?: string; version: string } => {
  let dir = dirname(process.argv[1] ?? process.cwd());
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file))
      return JSON.parse(readFileSync(file, 'utf8')) as {
        name: string;
        productName?: string;
        version: string;
      };
    const up = dirname(dir);
    if (up === dir) throw new Error('stand-in: no package.json above the main script');
    dir = up;
  }
};

const switchValue = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Electron's `app`, as far as the kiosk uses it, following Electron's documented behaviour: `ready` once Chromium
 * is up; `quit()` emits a preventable `before-quit`, closes every window (without `window-all-closed`), emits a
 * preventable `will-quit`, then `quit` and exits; `exit()` skips all of that; the single-instance lock is a
 * `SingletonLock` link in the user-data folder, like Chromium's; paths and version come from the switches and the
 * app's package.json.
 */
export class StandinApp extends EventEmitter {
  private readyFlag = false;
  private readonly readyPromise: Promise<void>;
  private quitting = false;
  private exiting = false;
  private lockPath: string | null = null;
  readonly windows = new Set<WindowLike>();
  chromium: ChromiumHost | null = null;
  private readonly switches = new Map<string, string>();
  /** Chromium switches the app adds before ready; recorded, and answered by hasSwitch/getSwitchValue. */
  readonly commandLine = {
    appendSwitch: (name: string, value = ''): void => {
      if (this.readyFlag) record({ event: 'app.switch-after-ready', name });
      this.switches.set(name, value);
      record({ event: 'app.switch', name, value });
    },
    hasSwitch: (name: string): boolean => this.switches.has(name),
    getSwitchValue: (name: string): string => this.switches.get(name) ?? '',
  };

  constructor() {
    super();
    this.readyPromise = new Promise<void>((resolve, reject) => {
      // Electron gets ready on its own, after the main script's first turn.
      setImmediate(() => {
        const screen = {
          width: Number(process.env.STANDIN_SCREEN_WIDTH ?? 1080),
          height: Number(process.env.STANDIN_SCREEN_HEIGHT ?? 1920),
        };
        mkdirSync(this.getPath('userData'), { recursive: true });
        launchChromium(join(this.getPath('userData'), 'chromium-profile'), screen).then((host) => {
          this.chromium = host;
          this.readyFlag = true;
          record({ event: 'app.ready' });
          this.emit('ready', {}, {});
          resolve();
        }, reject);
      });
    });
    this.readyPromise.catch((e: unknown) => {
      record({ event: 'app.ready-failed', error: String(e) });
      process.exit(1);
    });
  }

  get isPackaged(): boolean {
    return process.env.STANDIN_PACKAGED === '1';
  }

  isReady(): boolean {
    return this.readyFlag;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  getName(): string {
    const pkg = appPackage();
    return pkg.productName ?? pkg.name;
  }

  getVersion(): string {
    return appPackage().version;
  }

  getPath(name: string): string {
    if (name === 'userData')
      return switchValue('user-data-dir') ?? join(this.getPath('appData'), this.getName());
    if (name === 'appData') return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
    if (name === 'logs') return join(this.getPath('userData'), 'logs');
    if (name === 'temp') return process.env.TMPDIR ?? '/tmp';
    throw new Error(`stand-in: app.getPath('${name}') is not used by the kiosk`);
  }

  requestSingleInstanceLock(): boolean {
    const dir = this.getPath('userData');
    const lock = join(dir, 'SingletonLock');
    const mine = `${hostname()}-${process.pid}`;
    try {
      mkdirSync(dir, { recursive: true });
      symlinkSync(mine, lock);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return false;
      const holder = Number(readlinkSync(lock).split('-').pop());
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        record({ event: 'app.single-instance-refused', holder });
        return false;
      }
      rmSync(lock, { force: true });
      symlinkSync(mine, lock);
    }
    this.lockPath = lock;
    return true;
  }

  quit(): void {
    if (this.quitting || this.exiting) return;
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      record({ event: 'app.quit-prevented' });
      return;
    }
    this.quitting = true;
    void (async () => {
      await Promise.all([...this.windows].map((w) => w.closeForQuit()));
      const willQuit = preventable();
      this.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) {
        this.quitting = false;
        return;
      }
      this.emit('quit', {}, 0);
      await this.shutdown(0);
    })();
  }

  exit(code = 0): void {
    if (this.exiting) return;
    this.exiting = true;
    record({ event: 'app.exit', code });
    void this.shutdown(code);
  }

  relaunch(options: { args?: string[] } = {}): void {
    record({ event: 'app.relaunch', args: options.args ?? [] });
  }

  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: false };
  }

  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    record({ event: 'app.login-item', openAtLogin: settings.openAtLogin ?? false });
  }

  /** Called by BrowserWindow when its last window closed outside a quit. */
  lastWindowClosed(): void {
    if (this.quitting || this.exiting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  private async shutdown(code: number): Promise<void> {
    // Never hang the test: Chromium gets two seconds to close.
    const hardStop = setTimeout(() => process.exit(code), 2000);
    await Promise.all([...this.windows].map((w) => w.destroyNow()));
    await this.chromium?.close().catch(() => undefined);
    if (this.lockPath !== null) rmSync(this.lockPath, { force: true });
    record({ event: 'app.exited', code });
    clearTimeout(hardStop);
    process.exit(code);
  }
}

export const app = new StandinApp();
