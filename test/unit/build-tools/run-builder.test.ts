import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { runElectronBuilder } from '../../../electron/build-tools/run-builder';

describe('runElectronBuilder', () => {
  it('refuses a configuration holding a hook, which could not reach the build process', async () => {
    const config: Configuration = { linux: { target: ['dir'] }, afterPack: () => Promise.resolve() };
    expect(await runElectronBuilder(__dirname, config, 'dir', 'x64')).toEqual({
      ok: false,
      error: 'the builder configuration holds a function (a hook), which cannot be sent to the build process',
    });
  });
});
