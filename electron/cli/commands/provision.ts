import { resolve } from 'node:path';
import {
  ALERT_KEY_ENV,
  alertKeyFromEnv,
  mqttLoginFromEnv,
  MQTT_ENV,
  CREDENTIAL_ENV,
  credentialsFromEnv,
} from '../../build-tools/credentials-from-env';
import { writeProvisioningFile } from '../../build-tools/provisioning-writer';
import { parseArgs, requireValue, UsageError } from '../args';
import type { CommandGroup } from '../command';

const envList = Object.values(CREDENTIAL_ENV)
  .map((name) => `$${name}`)
  .join(', ');

/**
 * `kioskctl provision --machine-no NO --out FILE [--force]`: writes the one-time provisioning file the app
 * imports into its encrypted store on first start. Credentials come from the environment only; so does the
 * optional alert key ($KIOSK_ALERTKEY), which a machine with an alert webhook needs.
 */
export const provisionCommand: CommandGroup = {
  name: 'provision',
  summary: `write a machine's provisioning file (credentials from ${envList})`,
  usage: `provision --machine-no NO --out FILE [--force]   (optional: $${ALERT_KEY_ENV} for alerts, $${MQTT_ENV.mqttUsername} and $${MQTT_ENV.mqttPassword} for the live link)`,
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['machine-no', 'out'], flags: ['force'] });
    if (parsed.positionals.length > 0) {
      // Not echoed: a stray argument here is most likely a credential typed on the command line.
      throw new UsageError(
        `unexpected argument: credentials are read from ${envList}, never from the command line`,
      );
    }
    const machineNo = requireValue(parsed, 'machine-no');
    if (!/^\d{8}$/.test(machineNo))
      throw new UsageError(`--machine-no must be exactly 8 digits, got "${machineNo}"`);
    const out = resolve(io.cwd, requireValue(parsed, 'out'));
    const credentials = credentialsFromEnv(io.env);
    const alertKey = alertKeyFromEnv(io.env);
    const mqttLogin = mqttLoginFromEnv(io.env);
    const problems = [
      ...(credentials.ok ? [] : credentials.error),
      ...(alertKey.ok ? [] : [alertKey.error]),
      ...(mqttLogin.ok ? [] : [mqttLogin.error]),
    ];
    if (!credentials.ok || !alertKey.ok || !mqttLogin.ok) {
      for (const problem of problems) io.err(`provision: ${problem}`);
      return 1;
    }
    const written = await writeProvisioningFile(
      out,
      {
        machineNo,
        credentials: {
          ...credentials.value,
          ...(alertKey.value === null ? {} : { alertKey: alertKey.value }),
          ...mqttLogin.value,
        },
      },
      { force: parsed.flags.has('force') },
    );
    if (!written.ok) {
      io.err(`provision: ${written.error}`);
      return 1;
    }
    io.out(
      `wrote ${written.value} (mode 0600) for machine ${machineNo}${alertKey.value === null ? '' : ', with an alert key'}`,
    );
    io.out(
      "Copy it to the kiosk user's data folder as provisioning.json; the app imports it on first start and deletes it.",
    );
    return 0;
  },
};
