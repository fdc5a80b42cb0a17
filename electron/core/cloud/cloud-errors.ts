import type { CloudError, CloudErrorCode } from '../ports/vendor-cloud';

/**
 * The vendor uses two error-code schemes (5-digit on the Open API pages, 4-digit on its "error code" page).
 * Both map onto one small set the kiosk acts on; anything unlisted is a plain `vendor` failure.
 */
const byVendorCode: ReadonlyMap<number, CloudErrorCode> = new Map<number, CloudErrorCode>([
  [10008, 'auth'], // appid or appsecret missing
  [10009, 'auth'], // merchant expired: nothing the kiosk can do but tell the operator
  [10010, 'auth'], // merchant not verified
  [10013, 'auth'], // app secret invalid
  [10014, 'auth'], // appid invalid
  [4006, 'auth'], // payload signature invalid (wrong AppKey, or a signing bug)
  [10023, 'feature-off'],
  [10025, 'code-used'],
  [6033, 'code-used'],
  [6035, 'code-used'], // "pickup code not enough": no redemptions left on it
  [6032, 'code-expired'],
  [80002, 'code-not-found'],
  [30001, 'machine-unavailable'],
  [30002, 'machine-unavailable'],
  [30003, 'machine-unavailable'],
  [30004, 'machine-unavailable'],
  [60002, 'stock'],
  [60003, 'stock'],
  [6047, 'stock'],
]);

export const classifyVendorCode = (vendorCode: number): CloudErrorCode =>
  byVendorCode.get(vendorCode) ?? 'vendor';

export const cloudError = (
  code: CloudErrorCode,
  detail: string,
  extra: { vendorCode?: number | null; vendorMessage?: string | null; httpStatus?: number | null } = {},
): CloudError => ({
  code,
  detail,
  vendorCode: extra.vendorCode ?? null,
  vendorMessage: extra.vendorMessage ?? null,
  httpStatus: extra.httpStatus ?? null,
});

/** What an operator should look at first, by class; the vendor's own message is kept beside it. */
const nextStep: Partial<Record<CloudErrorCode, string>> = {
  auth: 'check AppId, AppSecret and AppKey, and the kiosk clock (`kioskctl sign` shows what was signed)',
  'feature-off': 'switch pickup codes on for this machine in the vendor dashboard',
  'machine-unavailable':
    'check the machine number and that the machine is online and operating in the dashboard',
};

/** A non-zero vendor answer as a CloudError; the vendor's code and message are kept for the log. */
export const vendorError = (
  vendorCode: number,
  vendorMessage: string,
  httpStatus: number | null,
  what: string,
): CloudError => {
  const code = classifyVendorCode(vendorCode);
  const step = nextStep[code];
  return cloudError(code, `${what}: refused by the vendor${step ? `; ${step}` : ''}`, {
    vendorCode,
    vendorMessage,
    httpStatus,
  });
};

/** Worth another try for a read: the request may never have reached the vendor, or the vendor hiccupped. */
export const isTransient = (error: CloudError): boolean =>
  error.code === 'network' ||
  error.code === 'timeout' ||
  (error.code === 'http' &&
    error.httpStatus !== null &&
    (error.httpStatus >= 500 || error.httpStatus === 429));

/** One line for an operator's terminal or log: our class, the vendor's code and message when there is one. */
export const describeCloudError = (error: CloudError): string =>
  error.vendorCode === null
    ? `${error.code}: ${error.detail}`
    : `vendor code ${error.vendorCode} (${error.vendorMessage ?? ''}) [${error.code}]: ${error.detail}`;
