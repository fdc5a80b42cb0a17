import { loadMachineConfig } from '../../electron/main/config/load-machine-config';

/** Run as the unprivileged user by config-override.test.ts: loads the configuration and prints what it chose. */
const main = async (): Promise<void> => {
  const events: string[] = [];
  const log = (event: string): void => {
    events.push(event);
  };
  const logger = { debug: log, info: log, warn: log, error: log };
  const loaded = await loadMachineConfig(JSON.parse(process.argv[2] ?? '{}') as never, { logger });
  const machineName = loaded.kind === 'machine' ? loaded.config.machineName : undefined;
  const source = loaded.kind === 'demo' ? undefined : loaded.source;
  process.stdout.write(JSON.stringify({ kind: loaded.kind, source, machineName, events }));
};

void main();
