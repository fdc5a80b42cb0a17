import { err, ok, type Result } from '../../electron/contract/result';
import type { HttpClient, HttpFailure, HttpRequest, HttpResponse } from '../../electron/core/ports/http';
import { decodePayload } from '../../electron/core/protocol/payload';

export type HttpAnswer = Result<HttpResponse, HttpFailure>;
export type Handler = (req: HttpRequest) => HttpAnswer | Promise<HttpAnswer>;

/** An HTTP answer with a JSON (or raw text) body. */
export const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer =>
  ok({ status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** The vendor envelope around `data`. */
export const envelope = (data: unknown, code = 0, message = 'ok', status = 200): HttpAnswer =>
  answer(status, { code, message, data });

export const failure = (kind: HttpFailure['kind'], message: string = kind): HttpAnswer =>
  err({ kind, message });

/** The decoded payload fields a request carried (sign included). */
export const sentFields = (req: HttpRequest | undefined): Record<string, string> => {
  const body = JSON.parse(req?.body ?? '{}') as { payload?: string };
  const decoded = decodePayload(body.payload ?? '');
  if (!decoded.ok) throw new Error(`request had no valid payload: ${decoded.error.reason}`);
  return decoded.fields;
};

/**
 * An HttpClient that answers from a script: queued handlers first, in order, then `fallback`. Unscripted
 * requests fail as network errors so a test never hangs. Every request is kept for assertions.
 */
export class ScriptedHttp implements HttpClient {
  readonly requests: HttpRequest[] = [];
  private readonly queued: Handler[] = [];
  fallback: Handler | null = null;

  script(...handlers: (Handler | HttpAnswer)[]): this {
    for (const h of handlers) this.queued.push(typeof h === 'function' ? h : () => h);
    return this;
  }

  async request(req: HttpRequest): Promise<HttpAnswer> {
    this.requests.push(req);
    const handler = this.queued.shift() ?? this.fallback;
    return handler
      ? handler(req)
      : err({ kind: 'network', message: `unscripted request ${req.method} ${req.url}` });
  }

  /** Paths (after the host) of every request, in order. */
  paths(): string[] {
    return this.requests.map((r) => new URL(r.url).pathname);
  }
}
