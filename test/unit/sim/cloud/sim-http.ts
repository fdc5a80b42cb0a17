import { encodePayload } from '../../../../electron/core/protocol/payload';

export const simCredentials = { appId: 'test-appid', appSecret: 'test-secret', appKey: 'TESTKEY' } as const;

export type RawAnswer = { status: number; text: string; json: unknown; headers: Headers };

/** A raw Open API request, so tests can send exactly what a broken client would. */
export const rawCall = async (
  baseUrl: string,
  path: string,
  opts: {
    fields?: Record<string, string | number>;
    headers?: Record<string, string>;
    body?: string;
    method?: string;
    key?: string;
    at?: number;
  } = {},
): Promise<RawAnswer> => {
  const body =
    opts.body ??
    encodePayload(
      { machine_no: '12345678', ...opts.fields },
      opts.key ?? simCredentials.appKey,
      (opts.at ?? Date.now()) / 1000,
    ).body;
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      Appid: simCredentials.appId,
      AppSecret: simCredentials.appSecret,
      ...opts.headers,
    },
    body,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, text, json, headers: res.headers };
};
