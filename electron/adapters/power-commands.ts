import { execFile } from 'node:child_process';
import type { PowerAction } from '../core/live/live-actions';

/**
 * The vendor's reboot and shutdown commands, through systemd. The kiosk's OS account needs the right to ask for
 * them without a password: build/linux ships a polkit rule granting exactly `reboot` and `power-off` to the kiosk
 * user. Without it systemctl refuses, and the refusal is logged; the kiosk keeps running.
 */
export const systemPower = (action: PowerAction): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(
      'systemctl',
      [action === 'reboot' ? 'reboot' : 'poweroff'],
      { timeout: 10_000 },
      (e, _out, stderr) => {
        if (e) reject(new Error(`systemctl ${action} failed: ${stderr.trim() || e.message}`));
        else resolve();
      },
    );
  });
