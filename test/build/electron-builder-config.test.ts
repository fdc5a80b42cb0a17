import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FILE_PATTERNS,
  electronBuilderConfig as config,
} from '../../build/electron-builder.config';
import { drawIcon, ICON_PATH } from '../../build/scripts/make-icon';

describe('build/electron-builder.config.ts', () => {
  it('identifies the product', () => {
    expect([config.appId, config.productName, config.linux?.executableName]).toEqual([
      'com.pickupkiosk.kiosk',
      'Pickup Kiosk',
      'pickup-kiosk',
    ]);
  });

  it('locks the Electron binary down for a kiosk with fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the compiled app, and excludes every credential file name', () => {
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**/*', 'package.json', ...CREDENTIAL_FILE_PATTERNS.map((p) => `!${p}`)]),
    );
    const positive = (config.files as string[]).filter((f) => !f.startsWith('!'));
    expect(positive).toEqual(['out/**/*', 'package.json']);
  });

  it('uses asar and unpacks the native modules', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/node_modules/serialport/**', '**/node_modules/@serialport/**']),
    );
  });

  it('never rebuilds a native module: nothing in the app needs it, and it would rewrite node_modules', () => {
    expect([config.npmRebuild, config.nodeGypRebuild, config.buildDependenciesFromSource]).toEqual([
      false,
      false,
      false,
    ]);
    expect(JSON.stringify(config)).not.toContain('better-sqlite3');
  });

  it('has electron-builder build only the unpacked app on Linux (the deb is made from it), nsis on Windows, and never publishes', () => {
    expect(config.linux?.target).toEqual(['dir']);
    expect(config.deb).toBeUndefined();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.publish).toBeNull();
  });

  it('has an icon large enough for every target, generated from source', () => {
    const png = readFileSync(ICON_PATH);
    expect(config.linux?.icon).toBe('build/icons/icon.png');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png.equals(drawIcon())).toBe(true);
    expect(join('build', 'icons', 'icon.png')).toBe(config.win?.icon);
  });
});
