import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  devProfileCommand,
  profileCoversPath,
  sandboxPreflight,
  type SandboxFacts,
} from '../../../build/scripts/sandbox-preflight';

const electronPath = '/home/dev/pickup kiosk/node_modules/electron/dist/electron';
const restricted: SandboxFacts = {
  platform: 'linux',
  restrictUserns: '1\n',
  profileCovers: false,
  setuidSandbox: false,
  electronInstalled: true,
  electronPath,
};

describe('sandboxPreflight', () => {
  it('stops on Linux with the restriction on and nothing letting this Electron make namespaces', () => {
    const verdict = sandboxPreflight(restricted);
    expect(verdict.start).toBe(false);
    const text = verdict.start ? '' : verdict.message.join('\n');
    expect(text).toContain(`  ${electronPath}\n`);
    expect(text).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(text).toContain(devProfileCommand(electronPath));
    expect(text).toContain('never started with --no-sandbox');
  });

  it.each<[string, Partial<SandboxFacts>]>([
    ['on macOS', { platform: 'darwin' }],
    ['on Windows', { platform: 'win32' }],
    ['on a kernel without the setting', { restrictUserns: undefined }],
    ['with the restriction off', { restrictUserns: '0\n' }],
    ['with an unexpected value in the file', { restrictUserns: 'yes' }],
    ['with a profile for this binary', { profileCovers: true }],
    ['with a setuid-root chrome-sandbox', { setuidSandbox: true }],
    ['without an Electron binary (electron-vite reports that itself)', { electronInstalled: false }],
  ])('lets npm start go on %s', (_case, change) => {
    expect(sandboxPreflight({ ...restricted, ...change })).toEqual({ start: true });
  });
});

describe('profileCoversPath', () => {
  const path = '/opt/Pickup Kiosk/pickup-kiosk';

  it("recognises the kiosk's own profile for the installed path, and no other path", () => {
    const profile = readFileSync(join(__dirname, '../../../build/linux/apparmor-profile'), 'utf8');
    expect(profileCoversPath(profile, path)).toBe(true);
    expect(profileCoversPath(profile, '/opt/Pickup Kiosk/pickup-kiosk-old')).toBe(false);
    expect(profileCoversPath(profile, electronPath)).toBe(false);
  });

  it('takes unquoted and unnamed attachments, and needs userns', () => {
    expect(
      profileCoversPath('profile /opt/e/electron flags=(unconfined) {\n userns,\n}', '/opt/e/electron'),
    ).toBe(true);
    expect(profileCoversPath('/opt/e/electron {\n  userns,\n}', '/opt/e/electron')).toBe(true);
    expect(profileCoversPath('profile e /opt/e/electron {\n  capability,\n}', '/opt/e/electron')).toBe(false);
    expect(profileCoversPath('# profile e /opt/e/electron {\n#  userns,\n', '/opt/e/electron')).toBe(false);
  });

  it('accepts the profile its own suggested command writes', () => {
    const writer = devProfileCommand(electronPath).split(' | sudo tee ')[0] ?? '';
    const written = spawnSync('bash', ['-c', writer], { encoding: 'utf8' }).stdout;
    expect(written.split('\n')[0]).toBe('abi <abi/4.0>,');
    expect(profileCoversPath(written, electronPath)).toBe(true);
  });

  it('names the suggested profile after the path, so two checkouts get two profiles', () => {
    const name = (p: string): string => /\/etc\/apparmor\.d\/(\S+)/.exec(devProfileCommand(p))?.[1] ?? '';
    expect(name(electronPath)).toMatch(/^pickup-kiosk-dev-[0-9a-f]{8}$/);
    expect(name(electronPath)).not.toBe(name('/srv/other/node_modules/electron/dist/electron'));
  });
});
