import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { err, ok, type Result } from '../contract/result';
import type { HttpClient, HttpFailure, HttpRequest, HttpResponse } from '../core/ports/http';

export type NodeHttpOptions = {
  /** Answers larger than this are refused rather than buffered: the vendor's answers are small. */
  readonly maxBodyBytes?: number;
};

const lowerCaseHeaders = (headers: IncomingHttpHeaders): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
};

/**
 * The production HttpClient over node:http / node:https. `timeoutMs` bounds the whole exchange (connect,
 * send, the full body), not just socket idleness. TLS verification is node's default and is never turned off;
 * no option here can weaken it. Every failure, including a body cut short, is an HttpFailure value.
 */
export const createNodeHttpClient = (options: NodeHttpOptions = {}): HttpClient => {
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  return {
    request: (req: HttpRequest): Promise<Result<HttpResponse, HttpFailure>> =>
      new Promise((resolve) => {
        let settled = false;
        const finish = (result: Result<HttpResponse, HttpFailure>): void => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve(result);
        };
        let url: URL;
        try {
          url = new URL(req.url);
        } catch {
          resolve(err({ kind: 'network', message: 'invalid URL' }));
          return;
        }
        const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
        if (transport === null) {
          resolve(err({ kind: 'network', message: `unsupported protocol ${url.protocol}` }));
          return;
        }
        const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
        const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
        const request = transport.request(url, { method: req.method, headers }, (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBodyBytes) {
              finish(err({ kind: 'network', message: `answer larger than ${maxBodyBytes} bytes` }));
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => {
            finish(
              ok({
                status: response.statusCode ?? 0,
                headers: lowerCaseHeaders(response.headers),
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          });
          // A connection cut mid-body ("aborted") must not pass for a complete, shorter answer.
          response.on('aborted', () => {
            finish(err({ kind: 'network', message: 'connection closed before the answer was complete' }));
          });
          response.on('error', (e) => {
            finish(err({ kind: 'network', message: e.message }));
          });
        });
        const deadline = setTimeout(() => {
          finish(err({ kind: 'timeout', message: `no complete answer within ${req.timeoutMs} ms` }));
          request.destroy();
        }, req.timeoutMs);
        request.on('error', (e: NodeJS.ErrnoException) => {
          finish(err({ kind: 'network', message: e.code ? `${e.code}: ${e.message}` : e.message }));
        });
        request.end(body);
      }),
  };
};
