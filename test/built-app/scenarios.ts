import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './build-app';

/** Obviously fake credentials: the stand-in's safeStorage really encrypts them, so they must not show in clear. */
export const fakeCredentials = {
  appId: 'fake-appid-0000',
  appSecret: 'fake-secret-not-real',
  appKey: 'FAKEKEYFAKEKEY',
};

/**
 * A "vendor cloud" that accepts connections and never answers: the worst case for a start, where every call runs
 * to its timeout and its retries (the 30 s of bare desktop with the old shell).
 */
export const startSilentCloud = async (): Promise<{ url: string; close(): Promise<void> }> => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => {
          resolve();
        });
      }),
  };
};

/**
 * A machine as an installer leaves it: the example configuration packaged as resources/machine.json (its serial
 * port absent, its cloud the given URL) and the provisioning file in the user-data folder.
 */
export const provisionMachine = (dir: string, cloudUrl: string): { resources: string; userData: string } => {
  const resources = join(dir, 'resources');
  const userData = join(dir, 'user-data');
  mkdirSync(resources, { recursive: true });
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  const config = JSON.parse(readFileSync(join(repoRoot, 'build/machines/example.json'), 'utf8')) as {
    cloud: Record<string, unknown>;
    serial: Record<string, unknown>;
  };
  config.cloud = { ...config.cloud, baseUrl: cloudUrl, notifyUrl: `${cloudUrl}/notify`, timeoutMs: 2000 };
  config.serial = { ...config.serial, path: join(dir, 'no-board-here') };
  writeFileSync(join(resources, 'machine.json'), JSON.stringify(config, null, 2));
  writeFileSync(
    join(userData, 'provisioning.json'),
    JSON.stringify({
      kind: 'pickup-kiosk-provisioning',
      version: 1,
      machineNo: '12345678',
      ...fakeCredentials,
    }),
    { mode: 0o600 },
  );
  return { resources, userData };
};
