import { z } from 'zod';
import { isLoopbackHost } from '../protocol/cloud-url';
import { flag, intRange, oneOf, pattern, section, showValue, text } from './schema-fields';

/**
 * Where the vendor's broker is: `mqtts://` (TLS), or plain `mqtt://` to this machine only (the demo's embedded
 * broker, a test broker). No user name or password in the URL: those come from the provisioning file.
 */
export const brokerUrlProblem = (value: string): string | undefined => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'a full URL such as mqtts://broker.example.com:8883';
  }
  if (url.username || url.password)
    return 'a URL without a user name or password (they go in the provisioning file)';
  if (url.protocol === 'mqtts:') return undefined;
  if (url.protocol === 'mqtt:' && isLoopbackHost(url.hostname)) return undefined;
  return 'an mqtts:// URL (plain mqtt:// is only allowed for 127.0.0.1 / localhost)';
};

const brokerUrl = z
  .string({ error: (iss) => `must be an mqtts:// URL, got ${showValue(iss.input)}` })
  .check((ctx) => {
    const problem = brokerUrlProblem(ctx.value);
    if (!problem) return;
    // A URL with a login in it is never echoed: the password would land in the installer's terminal and logs.
    const got = /^[a-z]+:\/\/[^/]*@/i.test(ctx.value) ? '' : `, got ${showValue(ctx.value)}`;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `must be ${problem}${got}` });
  });

/**
 * The live link to the vendor platform (core/live): the MQTT channel the vendor's own machine app keeps open.
 * Off while `brokerUrl` is null, and then the kiosk polls as before. What the vendor must tell the installer:
 * the broker URL, the user name and password (provisioning file), the machine's numeric platform id, the key.
 */
export const liveLinkSchema = section({
  brokerUrl: brokerUrl.nullable().default(null),
  /** The MQTT client id; empty: the machine number, which is what the vendor's app uses. */
  clientId: pattern(/^[\x21-\x7e]{0,64}$/, 'up to 64 printable characters without spaces').default(''),
  /** The platform's numeric id of the machine, sent as `machine_id` in every message. */
  machineId: pattern(/^\d{0,20}$/, 'the platform machine id, digits only').default(''),
  /**
   * Which credential signs the messages. The vendor's prose says the AppId; its worked example reproduces only
   * with the AppKey, so that is the default.
   */
  signWith: oneOf(['appKey', 'appId']).default('appKey'),
  /** `{machine_no}` is replaced by the machine number. */
  topicIn: text(1, 200, 'an MQTT topic').default('/clients/{machine_no}'),
  topicOut: text(1, 200, 'an MQTT topic').default('/server/app'),
  keepaliveSeconds: intRange(10, 600, 'seconds').default(60),
  /** The platform marks a machine offline after 10 minutes without one. */
  heartbeatSeconds: intRange(30, 540, 'seconds').default(300),
  /** Reconnect waits double from 1 s up to this. */
  reconnectMaxSeconds: intRange(1, 600, 'seconds').default(60),
  /** Messages whose timestamp is further than this from the kiosk's clock are dropped (undocumented by the vendor). */
  clockToleranceSeconds: intRange(30, 3600, 'seconds').default(300),
  /** The full refresh while the link is up: the safety net for a lost push. Down, `cloud.cacheRefreshSeconds` applies. */
  refreshSecondsWhileUp: intRange(300, 86_400, 'seconds').default(3600),
  /** Act on the vendor's reboot and shutdown commands (after a minute of idle screen). Off: logged only. */
  allowPowerCommands: flag().default(false),
}).prefault({});

export type LiveLinkConfig = z.infer<typeof liveLinkSchema>;
