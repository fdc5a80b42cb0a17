import { UsageError } from '../args';
import type { CliIo, CommandGroup } from '../command';
import { mqttCheckUsage, runMqttCheck } from './mqtt-check';
import { mqttWatchUsage, runMqttWatch } from './mqtt-watch';

type Sub = { readonly usage: string; run(args: readonly string[], io: CliIo): Promise<number> };

const subs: Readonly<Record<string, Sub>> = {
  check: { usage: mqttCheckUsage, run: runMqttCheck },
  watch: { usage: mqttWatchUsage, run: (args, io) => runMqttWatch(args, io) },
};

/** The live link from the installer's side: reach the vendor's broker with a machine's settings, watch it. */
export const mqttCommand: CommandGroup = {
  name: 'mqtt',
  summary: "the vendor's MQTT broker with a machine's settings (key, login from the environment)",
  usage: `mqtt ${Object.values(subs)
    .map((s) => s.usage)
    .join(' | ')}`,
  run(args, io) {
    const [name, ...rest] = args;
    const sub = name === undefined ? undefined : subs[name];
    if (name === undefined || sub === undefined)
      throw new UsageError(name === undefined ? 'missing sub-command' : `unknown sub-command "${name}"`);
    return sub.run(rest, io);
  },
};
