import { connect as connectTcp } from 'node:net';
import { connectAsync } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../../electron/sim/mqtt/embedded-broker';

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => {
      resolve(true);
    });
  });

describe('embedded MQTT broker (aedes)', () => {
  it('carries a QoS 1 message between two clients on 127.0.0.1', async () => {
    const broker = await startEmbeddedBroker();
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
    const machine = await connectAsync(broker.url, { clientId: 'test-machine', reconnectPeriod: 0 }, false);
    const cloud = await connectAsync(broker.url, { clientId: 'test-cloud', reconnectPeriod: 0 }, false);
    try {
      const got = new Promise<{ topic: string; body: string; qos: number }>((resolve) => {
        machine.once('message', (topic, payload, packet) => {
          resolve({ topic, body: payload.toString('utf8'), qos: packet.qos });
        });
      });
      await machine.subscribeAsync('/clients/12345678', { qos: 1 });
      // MQTT.js settles a QoS 1 publish on PUBACK, answering the packet it sent.
      const sent = await cloud.publishAsync('/clients/12345678', 'hello', { qos: 1 });
      expect(sent).toMatchObject({ cmd: 'publish', qos: 1 });
      expect(await got).toEqual({ topic: '/clients/12345678', body: 'hello', qos: 1 });
    } finally {
      await machine.endAsync();
      await cloud.endAsync();
    }
    await broker.close();
    expect(await refused(broker.port)).toBe(true);
  });

  it('closes with a client still connected, and twice without harm', async () => {
    const broker = await startEmbeddedBroker();
    const client = await connectAsync(broker.url, { clientId: 'test-lingering', reconnectPeriod: 0 }, false);
    const closed = new Promise<void>((resolve) => client.once('close', resolve));
    await broker.close();
    await closed;
    await broker.close();
    expect(await refused(broker.port)).toBe(true);
    await client.endAsync(true);
  });
});
