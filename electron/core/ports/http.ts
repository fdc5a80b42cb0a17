import type { Result } from '../../contract/result';

export type HttpRequest = {
  readonly method: 'POST' | 'PUT' | 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
};

export type HttpResponse = {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

export type HttpFailure = { readonly kind: 'timeout' | 'network'; readonly message: string };

/** The one way the core reaches the network. TLS verification is the adapter's and is never turned off. */
export interface HttpClient {
  request(req: HttpRequest): Promise<Result<HttpResponse, HttpFailure>>;
}
