import mqtt, { type MqttClient } from 'mqtt';
import { err, ok, type Result } from '../../contract/result';
import { intValue, parseArgs, UsageError } from '../args';
import type { CliIo } from '../command';
import { answerWithin } from './answer-within';
import { connectFailureLine } from './mqtt-failure';
import { loadMqttSetup, loginLine, scrubbedIo, type MqttSetup } from './mqtt-setup';
import { watchLine } from './mqtt-watch-line';
import { stopSignal } from './stop-signal';

export const mqttWatchUsage = 'watch --config FILE [--count N] [--seconds N]';

const clientIdSuffix = '-watch';
const answerTimeoutMs = 10_000;

const positive = (value: number | undefined, name: string): number | undefined => {
  if (value !== undefined && value < 1) throw new UsageError(`--${name} must be 1 or more`);
  return value;
};

const giveUp = (c: MqttClient): void => {
  c.removeAllListeners();
  // A late error from a client already given up must not become an uncaught exception.
  c.on('error', () => undefined);
  c.end(true);
};

/**
 * Plain MQTT.js rather than the kiosk's transport: a watch needs both topics on one connection, the transport
 * subscribes one. Same settings otherwise: MQTT 3.1.1, no reconnect, and like every operator connection a clean
 * session under its own client id with no will, so the kiosk's session and online state are left alone.
 */
const connectWatcher = (setup: MqttSetup): Promise<Result<MqttClient, string>> =>
  new Promise((resolve) => {
    const c = mqtt.connect(setup.brokerUrl, {
      clientId: `${setup.clientId}${clientIdSuffix}`,
      ...(setup.login.mqttUsername === undefined ? {} : { username: setup.login.mqttUsername }),
      ...(setup.login.mqttPassword === undefined ? {} : { password: setup.login.mqttPassword }),
      protocolVersion: 4,
      clean: true,
      keepalive: setup.keepaliveSeconds,
      reconnectPeriod: 0,
      connectTimeout: answerTimeoutMs,
    });
    const fail = (why: string): void => {
      giveUp(c);
      resolve(err(why));
    };
    c.once('error', (e) => {
      fail(e.message);
    });
    c.once('close', () => {
      fail('the broker closed the connection');
    });
    c.once('connect', () => {
      c.removeAllListeners('error');
      c.removeAllListeners('close');
      c.on('error', () => undefined);
      resolve(ok(c));
    });
  });

/**
 * One SUBSCRIBE per topic: MQTT.js fails a whole SUBSCRIBE if the broker refuses any topic in it, and a watch
 * should still show the topic it was allowed. Resolves the refused topics, or why subscribing failed at all.
 */
const subscribeEach = async (c: MqttClient, topics: readonly string[]): Promise<Result<string[], string>> => {
  const refused: string[] = [];
  for (const topic of topics) {
    try {
      await c.subscribeAsync(topic, { qos: 1 });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (!why.startsWith('Subscribe error')) return err(`subscribe failed: ${why}`);
      refused.push(topic);
    }
  }
  return ok(refused);
};

const messages = (n: number): string => `${n} message${n === 1 ? '' : 's'}`;

type Ending = 'count' | 'time' | 'signal' | 'lost';

/**
 * `kioskctl mqtt watch --config FILE`: every message on the machine's two topics, one line each, until `--count`
 * messages, `--seconds` or a signal. Each signature is checked with the configured key, so a wrong key or
 * `signWith` shows as BAD on the vendor's own messages.
 */
export const runMqttWatch = async (
  args: readonly string[],
  io: CliIo,
  until?: Promise<void>,
): Promise<number> => {
  const parsed = parseArgs(args, { values: ['config', 'count', 'seconds'] });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const count = positive(parsed.values.has('count') ? intValue(parsed, 'count') : undefined, 'count');
  const seconds = positive(parsed.values.has('seconds') ? intValue(parsed, 'seconds') : undefined, 'seconds');
  const loaded = await loadMqttSetup(parsed, io);
  if (!loaded.ok) {
    for (const line of loaded.error) io.err(line);
    return 1;
  }
  const setup = loaded.value;
  const out = scrubbedIo(io, setup.secrets);
  const topics = [...new Set([setup.topicIn, setup.topicOut])];
  out.out(`broker: ${setup.brokerUrl}`);
  out.out(
    `client id: ${setup.clientId}${clientIdSuffix} (clean session, no will: the kiosk's own ${setup.clientId} is left alone)`,
  );
  out.out(loginLine(setup));

  const connected = await connectWatcher(setup);
  if (!connected.ok) {
    out.err(`kioskctl mqtt watch: ${connectFailureLine(connected.error, setup.brokerUrl, topics)}`);
    return 1;
  }
  const c = connected.value;
  let seen = 0;
  let reachedCount = (): void => undefined;
  const counted = new Promise<Ending>((resolve) => {
    reachedCount = () => {
      resolve('count');
    };
  });
  // On before the SUBACK: the broker may deliver right after granting.
  c.on('message', (topic, payload) => {
    if (count !== undefined && seen >= count) return;
    seen += 1;
    out.out(watchLine(new Date(), topic, payload, setup.key));
    if (seen === count) reachedCount();
  });
  const lost = new Promise<Ending>((resolve) => {
    c.once('close', () => {
      resolve('lost');
    });
  });

  const subscribed = await answerWithin(subscribeEach(c, topics), answerTimeoutMs);
  const refused = subscribed.ok ? subscribed.value : [];
  if (!subscribed.ok || refused.length === topics.length) {
    giveUp(c);
    const why = subscribed.ok ? 'the broker refused the subscription' : subscribed.error;
    out.err(`kioskctl mqtt watch: ${connectFailureLine(why, setup.brokerUrl, topics)}`);
    return 1;
  }
  for (const topic of refused)
    out.err(`warning: the broker refused the subscription to ${topic}; not watched`);
  const watched = topics.filter((t) => !refused.includes(t));
  const limits = [count === undefined ? '' : messages(count), seconds === undefined ? '' : `${seconds} s`]
    .filter((s) => s !== '')
    .join(' or ');
  out.out(`watching ${watched.join(' and ')} until ${limits === '' ? 'Ctrl-C' : `${limits} or Ctrl-C`}`);

  const signal = until === undefined ? stopSignal() : null;
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<Ending>((resolve) => {
    if (seconds !== undefined)
      timer = setTimeout(() => {
        resolve('time');
      }, seconds * 1000);
  });
  const stopped = (until ?? signal?.stopped ?? new Promise<void>(() => undefined)).then(
    (): Ending => 'signal',
  );
  const ending = await Promise.race([counted, lost, timeUp, stopped]);
  clearTimeout(timer);
  signal?.dispose();
  const total = messages(seen);
  if (ending === 'lost') {
    giveUp(c);
    out.err(`kioskctl mqtt watch: the broker closed the connection after ${total}`);
    return 1;
  }
  c.removeAllListeners('message');
  await c.endAsync();
  const why = { count: 'count reached', time: 'time up', signal: 'stopped' }[ending];
  out.out(`${total} (${why})`);
  return 0;
};
