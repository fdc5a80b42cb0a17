import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBuilderConfig, EXECUTABLE_NAME } from '../../build/electron-builder.config';

const linux = join(__dirname, '../../build/linux');
const read = (name: string): string => readFileSync(join(linux, name), 'utf8');

/** `key=value` lines of an INI-style file (systemd unit, desktop entry), by section. */
const ini = (text: string): Map<string, Map<string, string[]>> => {
  const sections = new Map<string, Map<string, string[]>>();
  let current = new Map<string, string[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    const key = line.slice(0, eq);
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1)]);
  }
  return sections;
};

describe('systemd user service', () => {
  const unit = ini(read('pickup-kiosk.service'));
  const get = (section: string, key: string): string[] | undefined => unit.get(section)?.get(key);

  it('restarts the kiosk on any exit within a few seconds, and never stops retrying', () => {
    expect(get('Service', 'Restart')).toEqual(['always']);
    const delay = Number(get('Service', 'RestartSec')?.[0]);
    expect(delay).toBeGreaterThanOrEqual(2);
    expect(delay).toBeLessThanOrEqual(3);
    expect(get('Unit', 'StartLimitIntervalSec')).toEqual(['0']);
  });

  it('starts the installed command inside the graphical session, marked as supervised', () => {
    expect(get('Service', 'ExecStart')).toEqual([`/usr/bin/${EXECUTABLE_NAME}`]);
    expect(get('Service', 'Environment')).toEqual(['PICKUP_KIOSK_SUPERVISED=1']);
    expect(get('Unit', 'After')).toEqual(['graphical-session.target']);
    expect(get('Unit', 'PartOf')).toEqual(['graphical-session.target']);
    expect(get('Install', 'WantedBy')).toEqual(['graphical-session.target']);
  });

  it('is a user service (no User= line, which only system services take)', () => {
    expect(get('Service', 'User')).toBeUndefined();
  });
});

describe('cage kiosk session (system service)', () => {
  const unit = ini(read('pickup-kiosk-cage.service'));
  const get = (section: string, key: string): string[] | undefined => unit.get(section)?.get(key);

  it('logs the kiosk user in on tty1 through PAM, so it gets a logind session and its keyring', () => {
    expect(get('Service', 'User')).toEqual(['kiosk']);
    expect(get('Service', 'PAMName')).toEqual(['login']);
    expect(get('Service', 'TTYPath')).toEqual(['/dev/tty1']);
    expect(get('Unit', 'Conflicts')).toEqual(['getty@tty1.service']);
  });

  it('shows only the kiosk, with VT switching off, restarted like the user service', () => {
    expect(get('Service', 'ExecStart')).toEqual([`/usr/bin/cage -- /usr/bin/${EXECUTABLE_NAME}`]);
    expect(get('Service', 'ExecStart')?.[0]).not.toMatch(/\s-s\b/);
    expect(get('Service', 'Environment')).toEqual(['PICKUP_KIOSK_SUPERVISED=1']);
    expect(get('Service', 'Restart')).toEqual(['always']);
    expect(get('Service', 'TimeoutStopSec')).toEqual(['15']);
    expect(get('Install', 'WantedBy')).toEqual(['graphical.target']);
  });
});

describe('XDG autostart entry', () => {
  const entry = ini(read('pickup-kiosk.desktop')).get('Desktop Entry');

  it('starts the kiosk again 3 seconds after any exit, marked as supervised', () => {
    expect(entry?.get('Type')).toEqual(['Application']);
    expect(entry?.get('Exec')).toEqual([
      `sh -c 'while :; do PICKUP_KIOSK_SUPERVISED=1 /usr/bin/${EXECUTABLE_NAME}; sleep 3; done'`,
    ]);
    expect(entry?.get('Terminal')).toEqual(['false']);
    expect(entry?.get('X-GNOME-Autostart-enabled')).toEqual(['true']);
  });

  it('has a loop the shell accepts', () => {
    const exec = entry?.get('Exec')?.[0] ?? '';
    const script = /^sh -c '(.*)'$/.exec(exec)?.[1] ?? '';
    expect(spawnSync('sh', ['-n', '-c', script]).status).toBe(0);
  });
});

describe('udev rule', () => {
  const rules = read('99-pickup-kiosk.rules')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it.each([
    ['CH340', '1a86', '7523'],
    ['FTDI FT232R', '0403', '6001'],
    ['CP210x', '10c4', 'ea60'],
    ['PL2303', '067b', '2303'],
  ])('names a %s adapter /dev/pickup-board, group dialout', (_name, vendor, product) => {
    const rule = rules.find(
      (r) => r.includes(`ATTRS{idVendor}=="${vendor}"`) && r.includes(`ATTRS{idProduct}=="${product}"`),
    );
    expect(rule).toBeDefined();
    expect(rule).toContain('SYMLINK+="pickup-board"');
    expect(rule).toContain('GROUP="dialout"');
    expect(rule).toContain('MODE="0660"');
  });

  it('every rule matches tty devices and keeps ModemManager away from the board', () => {
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) {
      expect(rule.startsWith('SUBSYSTEM=="tty", ')).toBe(true);
      expect(rule).toContain('ENV{ID_MM_DEVICE_IGNORE}="1"');
      expect(rule).toMatch(/ATTRS\{idVendor\}=="[0-9a-f]{4}", ATTRS\{idProduct\}=="[0-9a-f]{4}"/);
    }
  });
});

describe('deb maintainer scripts', () => {
  const install = read('after-install.sh');
  const remove = read('after-remove.sh');

  it('are what the deb build reads', () => {
    expect(readFileSync(join(__dirname, '../../electron/build-tools/deb-package.ts'), 'utf8')).toMatch(
      /build\/linux\/after-install\.sh[\s\S]*build\/linux\/after-remove\.sh/,
    );
  });

  it("use only electron-builder's macro names (the deb build refuses any other ${...})", () => {
    for (const script of [install, remove]) {
      const macros = new Set([...script.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
      expect([...macros].sort()).toEqual(['executable', 'sanitizedProductName']);
    }
  });

  it('are valid bash', () => {
    for (const name of ['after-install.sh', 'after-remove.sh']) {
      expect(spawnSync('bash', ['-n', join(linux, name)]).status).toBe(0);
    }
  });

  it('install the udev rule, the user service for the kiosk user only, and dialout membership', () => {
    expect(install).toContain(
      'install -D -m 0644 "$LINUX_DIR/99-pickup-kiosk.rules" "$ROOT/etc/udev/rules.d/99-pickup-kiosk.rules"',
    );
    expect(install).toContain('udevadm control --reload-rules');
    expect(install).toContain(
      'install -D -m 0644 "$LINUX_DIR/pickup-kiosk.service" "$ROOT/usr/lib/systemd/user/pickup-kiosk.service"',
    );
    expect(install).toContain('printf \'[Unit]\\nConditionUser=%s\\n\' "$KIOSK_USER"');
    expect(install).toContain('systemctl --global enable pickup-kiosk.service');
    expect(install).toContain('usermod -a -G dialout "$KIOSK_USER"');
    expect(install).toContain(`BIN="/usr/bin/$EXE"`);
  });

  it("create the kiosk user's data folder as that user, never as root", () => {
    expect(install).toContain('runuser -u "$KIOSK_USER" -- mkdir -p -m 0700 "$KIOSK_HOME/.config/$PRODUCT"');
    expect(install).not.toMatch(/chown/);
  });

  it('under DPKG_ROOT write only below it, and skip what acts on the running system', () => {
    expect(install).toContain('ROOT="${DPKG_ROOT:-}"');
    expect(remove).toContain('ROOT="${DPKG_ROOT:-}"');
    expect(install).toContain('systemctl --root="$ROOT" --global enable pickup-kiosk.service');
    expect(remove).toContain('systemctl --root="$ROOT" --global disable pickup-kiosk.service');
    for (const script of [install, remove]) {
      // Every absolute path a script writes or removes is prefixed with $ROOT.
      const writes = script
        .split('\n')
        .filter((l) => /^\s*(install|rm|mkdir|cp|ln|printf)\b/.test(l))
        .flatMap((l) => [...l.matchAll(/(?<![\w$"/])"?(\/(etc|usr|opt|var)\/[^\s"]*)/g)].map((m) => m[1]));
      expect(writes).toEqual([]);
    }
    for (const tool of ['udevadm', 'usermod', 'apparmor_parser --replace', 'update-desktop-database'])
      expect(install).toMatch(new RegExp(`skipped "[^"]*${tool}`));
  });

  it('undo all of it on removal, keeping the kiosk data, and nothing on an upgrade', () => {
    for (const line of [
      'systemctl --global disable pickup-kiosk.service',
      'UNIT="$ROOT/usr/lib/systemd/user/pickup-kiosk.service"',
      'rm -f "$UNIT"',
      'rm -f "$ROOT/etc/udev/rules.d/99-pickup-kiosk.rules"',
      'rm -f "$ROOT/etc/apparmor.d/$EXE"',
    ]) {
      expect(remove).toContain(line);
    }
    expect(remove).toMatch(/case "\$\{1:-remove\}" in\n\s+remove \| purge\) ;;\n\s+\*\) exit 0 ;;/);
    expect(remove).not.toMatch(/\.config|userData|home/);
  });

  it('ship the files they install from (resources/linux, resources/apparmor-profile)', () => {
    const shipped = electronBuilderConfig.linux?.extraResources;
    expect(shipped).toEqual([
      {
        from: 'build/linux',
        to: 'linux',
        filter: [
          'pickup-kiosk.service',
          'pickup-kiosk-cage.service',
          'pickup-kiosk.desktop',
          '99-pickup-kiosk.rules',
        ],
      },
      { from: 'build/linux/apparmor-profile', to: 'apparmor-profile' },
    ]);
    expect(install).toContain('LINUX_DIR="$ROOT$APP_DIR/resources/linux"');
    expect(install).toContain('PROFILE_SRC="$ROOT$APP_DIR/resources/apparmor-profile"');
  });
});

describe('AppArmor profile', () => {
  const profile = read('apparmor-profile');

  it('grants user namespaces to the installed executable alone, leaving it otherwise unconfined', () => {
    const rules = profile
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    expect(rules).toEqual([
      'abi <abi/4.0>,',
      'include <tunables/global>',
      `profile ${EXECUTABLE_NAME} "/opt/${electronBuilderConfig.productName ?? ''}/${EXECUTABLE_NAME}" flags=(unconfined) {`,
      'userns,',
      `include if exists <local/${EXECUTABLE_NAME}>`,
      '}',
    ]);
  });
});
