import type { IpcErrorCode } from '../../contract/errors';
import type { CloudError } from '../ports/vendor-cloud';

/** The cloud could not give an answer either way: the consume may be retried with the same trade id. */
export const isTransient = (e: CloudError): boolean =>
  e.code === 'network' ||
  e.code === 'timeout' ||
  e.code === 'malformed' ||
  (e.code === 'http' && (e.httpStatus ?? 500) >= 500);

/** What the customer is told for a definitive cloud refusal. The vendor's code stays in the log. */
export const customerCodeFor = (e: CloudError): IpcErrorCode => {
  switch (e.code) {
    case 'code-used':
      return 'code-used';
    case 'code-expired':
      return 'code-expired';
    case 'code-not-found':
      return 'unknown-code';
    case 'network':
    case 'timeout':
    case 'malformed':
    case 'http':
      return 'cloud-unreachable';
    case 'auth':
    case 'feature-off':
    case 'machine-unavailable':
    case 'stock':
    case 'vendor':
      return 'out-of-service';
  }
};
