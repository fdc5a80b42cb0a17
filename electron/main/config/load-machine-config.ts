import { join } from 'node:path';
import type { ConfigProblem } from '../../core/config/format-problems';
import type { MachineConfig } from '../../core/config/schema';
import { readMachineConfigFile } from './read-config-file';

/** The file name in both places: `<resources>/machine.json` (packaged) and `<userData>/machine.json` (override). */
export const MACHINE_CONFIG_FILE = 'machine.json';

export type MachineConfigSource = 'user-data' | 'packaged';

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
  /** `app.getPath('userData')`; an installer may drop a corrected machine.json here without rebuilding. */
  readonly userDataDir: string;
};

export const machineConfigPaths = (dirs: MachineConfigDirs): Record<MachineConfigSource, string> => ({
  'user-data': join(dirs.userDataDir, MACHINE_CONFIG_FILE),
  packaged: join(dirs.resourcesDir, MACHINE_CONFIG_FILE),
});

/**
 * Finds the machine configuration: the user-data file wins over the packaged one. An invalid file is reported,
 * never skipped: silently falling back to the other file (or to the demo) would run a machine with settings
 * nobody chose. Only when neither file exists does the app run the demo.
 */
export const loadMachineConfig = async (dirs: MachineConfigDirs): Promise<MachineConfigLoad> => {
  const paths = machineConfigPaths(dirs);
  for (const source of ['user-data', 'packaged'] as const) {
    const path = paths[source];
    const read = await readMachineConfigFile(path);
    if (read.kind === 'missing') continue;
    if (read.kind === 'invalid') return { kind: 'invalid', source, path, problems: read.problems };
    return { kind: 'machine', config: read.config, source, path };
  }
  return { kind: 'demo' };
};
