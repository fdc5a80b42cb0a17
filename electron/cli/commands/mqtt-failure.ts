import { MQTT_ENV } from '../../build-tools/credentials-from-env';

/**
 * One line an installer can act on, from what MQTT.js or the transport said: the login, the network, or the
 * topic permissions are three different calls to the vendor, so the line says which it is first.
 */
export const connectFailureLine = (why: string, brokerUrl: string, topics: readonly string[]): string => {
  const text = why.replace(/[\r\n]+/g, ' ').trim();
  if (/^Connection refused: (Bad username or password|Not authorized)/i.test(text))
    return `the broker refused the login (${text}): check ${MQTT_ENV.mqttUsername} / ${MQTT_ENV.mqttPassword}`;
  if (/^Connection refused:/i.test(text)) return `the broker refused the connection (${text})`;
  if (/subscri/i.test(text)) {
    const refused = `the broker refused the subscription to ${topics.join(' and ')}`;
    // A SUBACK of 0x80 says nothing more than "refused" (MQTT.js words it "Subscribe error: Unspecified error").
    const plain = text === 'the broker refused the subscription' || /Subscribe error/.test(text);
    return plain ? refused : `${refused} (${text})`;
  }
  return `broker ${brokerUrl} unreachable (${text})`;
};
