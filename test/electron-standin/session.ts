import { record } from './record';

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;

/**
 * A session, as far as the kiosk sets it up: the permission handlers are kept and asked, the way Electron asks
 * them, when the stand-in is told a page wants a permission (`askPermission`).
 */
export class StandinSession {
  private request: PermissionRequest | null = null;
  private check: PermissionCheck | null = null;

  setPermissionRequestHandler(handler: PermissionRequest | null): void {
    this.request = handler;
    record({ event: 'session.permission-request-handler', set: handler !== null });
  }

  setPermissionCheckHandler(handler: PermissionCheck | null): void {
    this.check = handler;
    record({ event: 'session.permission-check-handler', set: handler !== null });
  }

  /** Electron grants a permission when no handler is set; with one, the handler decides. */
  askPermission(permission: string): Promise<boolean> {
    if (this.request === null) return Promise.resolve(true);
    const handler = this.request;
    return new Promise((resolve) => {
      handler(null, permission, resolve);
    });
  }

  checkPermission(permission: string): boolean {
    return this.check?.(null, permission) ?? true;
  }
}
