import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigProblem } from '../../core/config/format-problems';
import type { MachineConfig } from '../../core/config/schema';
import type { Logger } from '../../core/ports/logger';
import { foreignCloudHost } from './cloud-hosts';
import { readMachineConfigFile } from './read-config-file';
import { writableHere } from './writable-here';

/** The file name in every place: `<resources>/machine.json` (packaged) and `<site override dir>/machine.json`. */
export const MACHINE_CONFIG_FILE = 'machine.json';

export type MachineConfigSource = 'site-override' | 'packaged';

export type MachineConfigLoad =
  | { readonly kind: 'demo' }
  | {
      readonly kind: 'machine';
      readonly config: MachineConfig;
      readonly source: MachineConfigSource;
      readonly path: string;
    }
  | {
      readonly kind: 'invalid';
      readonly source: MachineConfigSource;
      readonly path: string;
      readonly problems: readonly ConfigProblem[];
    };

export type MachineConfigDirs = {
  /** `process.resourcesPath` in a packaged app; where the build put the machine's configuration. */
  readonly resourcesDir: string;
  /** siteOverrideDir(): a folder only an administrator can write (/etc/pickup-kiosk on Linux). */
  readonly overrideDir: string;
  /** `app.getPath('userData')`: only looked at to say that a machine.json there is no longer read. */
  readonly userDataDir: string;
};

export type LoadDeps = {
  readonly logger: Logger;
  /** Why the kiosk's own user could change this file, or null; writable-here.ts in the app, a fake in tests. */
  readonly writable?: (file: string) => Promise<string | null>;
};

export const machineConfigPaths = (dirs: MachineConfigDirs) => ({
  'site-override': join(dirs.overrideDir, MACHINE_CONFIG_FILE),
  packaged: join(dirs.resourcesDir, MACHINE_CONFIG_FILE),
  'user-data': join(dirs.userDataDir, MACHINE_CONFIG_FILE),
});

/**
 * Finds the machine configuration. The packaged file is the build's truth. A site override replaces it only when
 * the kiosk's own user cannot change it (an override writable by that user is ignored, and logged) and when it
 * keeps to the cloud hosts the package was built for (otherwise the machine is out of service: the installer
 * meant something, but not that). An invalid file is reported, never skipped. With no packaged file the app runs
 * the demo and accepts no override. A machine.json left in the user-data folder is ignored, with a line saying so.
 */
export const loadMachineConfig = async (
  dirs: MachineConfigDirs,
  deps: LoadDeps,
): Promise<MachineConfigLoad> => {
  const paths = machineConfigPaths(dirs);
  const writable = deps.writable ?? writableHere;
  if (existsSync(paths['user-data']))
    deps.logger.warn('config.user-data-ignored', {
      path: paths['user-data'],
      instead: `an administrator puts an override in ${paths['site-override']}`,
    });
  const packaged = await readMachineConfigFile(paths.packaged);
  if (packaged.kind === 'invalid')
    return { kind: 'invalid', source: 'packaged', path: paths.packaged, problems: packaged.problems };
  const override = await readMachineConfigFile(paths['site-override']);
  if (override.kind === 'missing' || packaged.kind === 'missing') {
    if (override.kind !== 'missing')
      deps.logger.error('config.override-refused', {
        path: paths['site-override'],
        reason: 'a demo package accepts no override',
      });
    return packaged.kind === 'missing'
      ? { kind: 'demo' }
      : { kind: 'machine', config: packaged.config, source: 'packaged', path: paths.packaged };
  }
  const why = await writable(paths['site-override']);
  if (why !== null) {
    deps.logger.error('config.override-refused', { path: paths['site-override'], reason: why });
    return { kind: 'machine', config: packaged.config, source: 'packaged', path: paths.packaged };
  }
  const source = 'site-override';
  const path = paths['site-override'];
  if (override.kind === 'invalid') return { kind: 'invalid', source, path, problems: override.problems };
  const foreign = foreignCloudHost(override.config, packaged.config);
  if (foreign !== null) {
    const message = `talks to ${foreign}, not a cloud host this package was built for: rebuild the package to change the cloud`;
    return { kind: 'invalid', source, path, problems: [{ path: 'cloud', message }] };
  }
  return { kind: 'machine', config: override.config, source, path };
};
