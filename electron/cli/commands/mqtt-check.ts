import { uptime } from 'node:os';
import { createMqttTransport } from '../../adapters/mqtt-transport';
import { sealLiveMessage } from '../../core/live/live-message';
import { heartbeat } from '../../core/live/outgoing';
import { intValue, parseArgs, UsageError } from '../args';
import type { CliIo } from '../command';
import { answerWithin } from './answer-within';
import { connectFailureLine } from './mqtt-failure';
import { loadMqttSetup, loginLine, scrubbedIo } from './mqtt-setup';

export const mqttCheckUsage = 'check --config FILE [--timeout-seconds N]';

/** What the kiosk's shell reports when it cannot tell the network type (core/live/create-live-link.ts). */
const kioskNetworkType = 'ETHERNET';

/** Minutes since local midnight or since boot, whichever is later: kiosks start with the machine. */
const uptimeMinutesToday = (nowMs: number): number => {
  const midnight = new Date(nowMs);
  midnight.setHours(0, 0, 0, 0);
  const bootedAt = nowMs - uptime() * 1000;
  return Math.floor((nowMs - Math.max(bootedAt, midnight.getTime())) / 60_000);
};

/** A connection given up mid-handshake may never confirm its goodbye; the command still ends. */
const closeSoon = (close: Promise<void>): Promise<void> =>
  Promise.race([close, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);

/**
 * `kioskctl mqtt check --config FILE`: can this machine's settings reach the broker, and what would it sign? It
 * connects under another client id with a clean session and no will, so the running kiosk's session is never
 * taken over and the platform never sees the machine go offline; the heartbeat is shown, never published.
 */
export const runMqttCheck = async (args: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseArgs(args, { values: ['config', 'timeout-seconds'] });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const timeoutSeconds = intValue(parsed, 'timeout-seconds', 10);
  if (timeoutSeconds < 1 || timeoutSeconds > 300) throw new UsageError('--timeout-seconds must be 1–300');
  const loaded = await loadMqttSetup(parsed, io);
  if (!loaded.ok) {
    for (const line of loaded.error) io.err(line);
    return 1;
  }
  const setup = loaded.value;
  const out = scrubbedIo(io, setup.secrets);
  const clientIdSuffix = '-check';
  out.out(`broker: ${setup.brokerUrl}`);
  out.out(
    `client id: ${setup.clientId}${clientIdSuffix} (clean session, no will: the kiosk's own ${setup.clientId} is left alone)`,
  );
  out.out(`topics: in ${setup.topicIn}, out ${setup.topicOut}`);
  out.out(loginLine(setup));

  const timeoutMs = timeoutSeconds * 1000;
  const transport = createMqttTransport({
    url: setup.brokerUrl,
    clientId: setup.clientId,
    ...(setup.login.mqttUsername === undefined ? {} : { username: setup.login.mqttUsername }),
    ...(setup.login.mqttPassword === undefined ? {} : { password: setup.login.mqttPassword }),
    keepaliveSeconds: setup.keepaliveSeconds,
    answerTimeoutMs: timeoutMs,
  });
  const connected = await answerWithin(
    transport.connect({ subscribe: setup.topicIn, clientIdSuffix }),
    timeoutMs,
  );
  await closeSoon(transport.close());
  if (!connected.ok) {
    out.err(`kioskctl mqtt check: ${connectFailureLine(connected.error, setup.brokerUrl, [setup.topicIn])}`);
    return 1;
  }
  out.out('connected');
  out.out(`subscribed to ${setup.topicIn}`);

  const nowMs = Date.now();
  const fields = heartbeat(
    { machineId: setup.machineId, machineNo: setup.machineNo },
    { networkType: kioskNetworkType, uptimeMinutesToday: uptimeMinutesToday(nowMs) },
  );
  const sealed = sealLiveMessage(fields, setup.key, nowMs / 1000);
  if (setup.machineId === '')
    out.out('warning: liveLink.machineId is empty, so messages carry no machine_id (ask the vendor for it)');
  out.out(`first heartbeat, signed with $${setup.keyEnv}, NOT published to ${setup.topicOut}:`);
  out.out(JSON.stringify(sealed.fields));
  out.out(`signed string: ${sealed.redacted}`);
  return 0;
};
