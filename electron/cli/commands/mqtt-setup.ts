import { resolve } from 'node:path';
import { MQTT_ENV, mqttLoginFromEnv, type MqttLogin } from '../../build-tools/credentials-from-env';
import { err, ok, type Result } from '../../contract/result';
import { problemLine } from '../../core/config/format-problems';
import { credentialFieldProblem } from '../../core/credentials/provisioning-file';
import { liveTopic } from '../../core/live/live-service';
import { readMachineConfigFile } from '../../main/config/read-config-file';
import { requireValue, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { credentialEnv } from './cloud-setup';

/** What `kioskctl mqtt …` needs to reach the broker as the kiosk would, from the machine file and the environment. */
export type MqttSetup = {
  readonly configFile: string;
  readonly brokerUrl: string;
  /** The kiosk's own client id; operator commands append a suffix to it. */
  readonly clientId: string;
  readonly machineNo: string;
  readonly machineId: string;
  readonly topicIn: string;
  readonly topicOut: string;
  readonly keepaliveSeconds: number;
  readonly key: string;
  /** The variable the key came from, for the output: the value itself is never shown. */
  readonly keyEnv: string;
  readonly login: MqttLogin;
  /** Every secret value in play, so output can be scrubbed of them whatever a library puts in a message. */
  readonly secrets: readonly string[];
};

/**
 * Reads `--config` and the environment. A bad file is the installer's to fix (lines to print, exit 1); a missing
 * flag or variable is a usage error. The key and login come from the environment only: argv shows in `ps`.
 */
export const loadMqttSetup = async (
  parsed: ParsedArgs,
  io: CliIo,
): Promise<Result<MqttSetup, readonly string[]>> => {
  const configFile = requireValue(parsed, 'config');
  const read = await readMachineConfigFile(resolve(io.cwd, configFile));
  if (read.kind === 'missing') return err([`${configFile}: no such file`]);
  if (read.kind === 'invalid')
    return err([
      `${configFile} is not a valid machine file:`,
      ...read.problems.map((p) => `  - ${problemLine(p)}`),
    ]);
  const { config } = read;
  const live = config.liveLink;
  if (live.brokerUrl === null)
    return err([
      `${configFile}: liveLink.brokerUrl is not set, so this machine has no live link (it polls only)`,
    ]);
  const keyEnv = live.signWith === 'appId' ? credentialEnv.appId : credentialEnv.appKey;
  const key = io.env[keyEnv];
  const keyProblem = credentialFieldProblem(`$${keyEnv}`, key);
  if (keyProblem !== undefined || key === undefined)
    throw new UsageError(
      `${keyProblem ?? `$${keyEnv} is missing`} (liveLink.signWith is "${live.signWith}")`,
    );
  const login = mqttLoginFromEnv(io.env);
  if (!login.ok)
    throw new UsageError(
      `${login.error} (set both ${MQTT_ENV.mqttUsername} and ${MQTT_ENV.mqttPassword}, or neither)`,
    );
  return ok({
    configFile,
    brokerUrl: live.brokerUrl,
    clientId: live.clientId === '' ? config.machineNo : live.clientId,
    machineNo: config.machineNo,
    machineId: live.machineId,
    topicIn: liveTopic(live.topicIn, config.machineNo),
    topicOut: liveTopic(live.topicOut, config.machineNo),
    keepaliveSeconds: live.keepaliveSeconds,
    key,
    keyEnv,
    login: login.value,
    secrets: [key, login.value.mqttPassword ?? ''].filter((s) => s !== ''),
  });
};

/**
 * The same output with every secret value replaced by `***`: a broker or library message quoting what it was sent
 * must not put a key on an operator's screen or in a support ticket.
 */
export const scrubbedIo = (io: CliIo, secrets: readonly string[]): CliIo => {
  const scrub = (line: string): string => secrets.reduce((out, s) => out.split(s).join('***'), line);
  return {
    ...io,
    out: (line) => {
      io.out(scrub(line));
    },
    err: (line) => {
      io.err(scrub(line));
    },
  };
};

/** `user NAME` or `anonymous`: which login the broker was offered, the password never. */
export const loginLine = (setup: MqttSetup): string =>
  setup.login.mqttUsername === undefined
    ? `login: anonymous (${MQTT_ENV.mqttUsername} / ${MQTT_ENV.mqttPassword} not set)`
    : `login: user from ${MQTT_ENV.mqttUsername}, password from ${MQTT_ENV.mqttPassword}`;
