import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBuilderConfig } from '../../../build/electron-builder.config';
import {
  debInstallDir,
  debLayout,
  desktopEntryText,
  fillScriptMacros,
  type DebLayoutPlan,
} from '../../../electron/build-tools/deb-layout';

const linux = join(__dirname, '../../../build/linux');
const read = (name: string): string => readFileSync(join(linux, name), 'utf8');
const macros = { executable: 'pickup-kiosk', sanitizedProductName: 'Pickup Kiosk' };
const plan: DebLayoutPlan = {
  unpackedDir: '/release/12345678/linux-unpacked',
  iconFile: '/repo/build/icons/icon.png',
  productName: 'Pickup Kiosk',
  executable: 'pickup-kiosk',
  synopsis: 'Touchscreen pickup-code kiosk',
  postinstTemplate: read('after-install.sh'),
  postrmTemplate: read('after-remove.sh'),
};

describe('debLayout', () => {
  it('puts the app under /opt, the icon and the desktop entry under /usr/share, and the scripts in DEBIAN', () => {
    const layout = debLayout(plan);
    if (!layout.ok) throw new Error(layout.error);
    expect(layout.value.map((e) => [e.kind, e.to, 'mode' in e ? e.mode.toString(8) : ''])).toEqual([
      ['tree', 'opt/Pickup Kiosk', ''],
      ['file', 'usr/share/icons/hicolor/512x512/apps/pickup-kiosk.png', '644'],
      ['text', 'usr/share/applications/pickup-kiosk.desktop', '644'],
      ['text', 'DEBIAN/postinst', '755'],
      ['text', 'DEBIAN/postrm', '755'],
    ]);
    expect(layout.value[0]).toMatchObject({ from: plan.unpackedDir });
    expect(layout.value[1]).toMatchObject({ from: plan.iconFile });
  });

  it('fills the real maintainer scripts with the executable and the /opt folder', () => {
    const layout = debLayout(plan);
    const script = (to: string): string => {
      const entry = layout.ok ? layout.value.find((e) => e.to === to) : undefined;
      return entry?.kind === 'text' ? entry.text : '';
    };
    expect(script('DEBIAN/postinst')).toContain("PRODUCT='Pickup Kiosk'\n");
    expect(script('DEBIAN/postinst')).toContain("EXE='pickup-kiosk'\n");
    expect(script('DEBIAN/postrm')).toContain("APP_DIR='/opt/Pickup Kiosk'\n");
    expect(`${script('DEBIAN/postinst')}${script('DEBIAN/postrm')}`).not.toMatch(
      /\$\{(executable|sanitized)/,
    );
  });

  it('refuses a script whose macros cannot all be filled', () => {
    expect(debLayout({ ...plan, postrmTemplate: 'echo ${productName}' })).toEqual({
      ok: false,
      error: 'postrm: maintainer script has an unknown macro ${productName}',
    });
  });

  it('installs the app where the AppArmor profile expects the executable', () => {
    const executable = `/${debInstallDir(plan.productName)}/${plan.executable}`;
    expect(read('apparmor-profile')).toContain(`profile pickup-kiosk "${executable}" flags=(unconfined) {`);
    expect(plan.productName).toBe(electronBuilderConfig.productName);
    expect(plan.executable).toBe(electronBuilderConfig.linux?.executableName);
  });
});

describe('fillScriptMacros', () => {
  it("leaves the shell's own expansions alone", () => {
    expect(fillScriptMacros('ROOT="${DPKG_ROOT:-}"; echo "${ARGS[@]}" ${executable}', macros)).toEqual({
      ok: true,
      value: 'ROOT="${DPKG_ROOT:-}"; echo "${ARGS[@]}" pickup-kiosk',
    });
  });

  it('refuses a value that would break out of its single quotes', () => {
    expect(fillScriptMacros("'${executable}'", { ...macros, executable: "x'; rm -rf /; '" }).ok).toBe(false);
  });
});

describe('desktopEntryText', () => {
  it('names the window and its icon, starts the installed command, and stays out of the menus', () => {
    const lines = desktopEntryText(plan).split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Name=Pickup Kiosk',
        'Exec=/usr/bin/pickup-kiosk',
        'Icon=pickup-kiosk',
        'StartupWMClass=Pickup Kiosk',
        'NoDisplay=true',
      ]),
    );
  });
});
