import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ok } from '../../contract/result';
import type { Credentials } from '../../core/ports/credentials';
import { demoSeed } from './demo-seed';
import { FaultBox, type SimFaults } from './faults';
import { attachLiveSide, type LiveSide } from './live-side';
import { findMachineRoute } from './machine-api-routes';
import { findOpenApiRoute } from './open-api-routes';
import { PICTURE_PATH, productPicture } from './product-picture';
import { checkAppHeaders, checkMachineHeaders, checkPayload, type AuthSettings } from './request-auth';
import { notFoundAnswer, renderAnswer, sendAnswer } from './respond';
import { refusal, type SimAnswer } from './sim-answer';
import type { SimSeed } from './seed-schema';
import { SimCloudState } from './state';

export type SimCloudOptions = {
  /** 0 or absent: any free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  readonly seed?: SimSeed;
  readonly credentials: Credentials;
  readonly faults?: SimFaults;
  /** The cloud's clock; a test shifts it to simulate a kiosk with a wrong clock. */
  readonly now?: () => number;
  readonly timestampWindowSeconds?: number;
  /** The MQTT side (live-side.ts); absent: HTTP only. The machine number comes from the seed. */
  readonly live?: SimLiveOptions;
  /**
   * Told of every answer once its last byte is handed to the socket, with when its request arrived (both
   * `performance.now()`): the cloud's own share of a round trip, which a bench must not charge to the kiosk.
   */
  readonly onAnswered?: (answer: {
    readonly path: string;
    readonly receivedAt: number;
    readonly answeredAt: number;
  }) => void;
};

export type SimLiveOptions = {
  readonly brokerUrl: string;
  readonly machineId: string;
  readonly key: string;
  readonly topicIn?: string;
  readonly topicOut?: string;
};

export type SimRequest = {
  readonly method: string;
  readonly path: string;
  readonly fields: Readonly<Record<string, string>> | null;
};

export type SimCloud = {
  readonly baseUrl: string;
  readonly state: SimCloudState;
  /** Every request received, with its decoded payload (sign removed), for tests to inspect. */
  readonly requests: readonly SimRequest[];
  readonly live: LiveSide | null;
  setFaults(faults: SimFaults): void;
  close(): Promise<void>;
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });

const parseJsonOrNull = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A good's picture, as the vendor's image host would serve it; false when the path is not one. */
const servePicture = (state: SimCloudState, path: string, res: ServerResponse): boolean => {
  const id = PICTURE_PATH.exec(path)?.[1];
  if (id === undefined) return false;
  if (state.product(Number(id)) === undefined) {
    res.writeHead(404).end();
    return true;
  }
  const bytes = productPicture(Number(id));
  res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(bytes.length) }).end(bytes);
  return true;
};

/** The fake vendor cloud over real HTTP on 127.0.0.1, as strict as the real one (vendor-api.md). */
export const startSimCloud = async (options: SimCloudOptions): Promise<SimCloud> => {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? demoSeed();
  const state = new SimCloudState(seed, { now });
  const auth: AuthSettings = {
    credentials: options.credentials,
    machineNo: seed.machine.machineNo,
    now,
    timestampWindowSeconds: options.timestampWindowSeconds ?? 300,
  };
  const faults = new FaultBox();
  const requests: SimRequest[] = [];
  const setFaults = (f: SimFaults): void => {
    faults.set(f);
    state.setPickupCodesEnabled(seed.machine.pickupCodesEnabled && f.pickupCodesOff !== true);
    state.setOnline(seed.machine.online && f.machineOffline !== true);
  };
  setFaults(options.faults ?? {});

  const decide = (req: IncomingMessage, path: string, body: string): SimAnswer | null => {
    const method = req.method ?? '';
    if (path.startsWith('/api/app/v1/')) {
      const route = findMachineRoute(method, path.slice('/api/app/v1'.length));
      if (!route) return null;
      requests.push({ method, path, fields: null });
      const allowed = checkMachineHeaders(req.headers, auth);
      if (!allowed.ok)
        return {
          status: allowed.error.httpStatus,
          body: { _request_id: 'sim-auth', msg: allowed.error.failure.message },
        };
      return route(state, parseJsonOrNull(body));
    }
    if (!path.startsWith('/api/openapi/v1/')) return null;
    const route = findOpenApiRoute(method, path.slice('/api/openapi/v1'.length));
    if (!route) return null;
    const headers = checkAppHeaders(req.headers, auth);
    if (!headers.ok) return refusal(headers.error.failure, headers.error.httpStatus);
    // Ping checks the headers alone; a payload, when sent, must still be right.
    const fields =
      route.isPing && body.trim() === '' ? ok<Record<string, string>>({}) : checkPayload(body, auth);
    requests.push({ method, path, fields: fields.ok ? fields.value : null });
    if (!fields.ok) return refusal(fields.error.failure, fields.error.httpStatus);
    return route.handle(state, fields.value);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = performance.now();
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (req.method === 'GET' && servePicture(state, path, res)) {
      requests.push({ method: 'GET', path, fields: null });
      return;
    }
    const body = await readBody(req);
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.take('drop', path)) {
      req.socket.destroy();
      return;
    }
    const injected = faults.take('error', path);
    const answer = injected
      ? refusal(
          { vendorCode: injected.code, message: injected.message ?? 'injected', data: injected.data },
          injected.httpStatus,
        )
      : decide(req, path, body);
    const rendered = answer === null ? notFoundAnswer() : renderAnswer(answer, faults, path);
    await sendAnswer(res, rendered, now(), faults.slowBodyMs);
    options.onAnswered?.({ path, receivedAt, answeredAt: performance.now() });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const closeHttp = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        resolve();
      });
    });
  let live: LiveSide | null = null;
  if (options.live) {
    try {
      live = await attachLiveSide(state, { ...options.live, machineNo: seed.machine.machineNo, now });
    } catch (error) {
      await closeHttp();
      throw error;
    }
  }
  const { port } = server.address() as AddressInfo;
  state.pictureOrigin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    state,
    requests,
    live,
    setFaults,
    close: async () => {
      await live?.close();
      await closeHttp();
    },
  };
};
