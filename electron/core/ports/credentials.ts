/**
 * The three vendor credentials. They live only in the main process: never logged, never in an error,
 * never across IPC, never in a package. AppKey is only ever used to compute signatures.
 */
export type Credentials = {
  readonly appId: string;
  readonly appSecret: string;
  readonly appKey: string;
};

/**
 * What the provisioning file and the encrypted store carry: the vendor credentials, and optionally the key the
 * kiosk signs its webhook alerts with (core/alerts). That key is never sent anywhere; it only computes signatures.
 */
export type StoredCredentials = Credentials & {
  readonly alertKey?: string;
  /** The vendor broker's login for the live link (core/live), when the vendor gives one. */
  readonly mqttUsername?: string;
  readonly mqttPassword?: string;
};

/** Every secret value a stored record holds, for the log redactor. */
export const secretValues = (c: StoredCredentials): string[] =>
  [c.appId, c.appSecret, c.appKey, c.alertKey, c.mqttPassword].filter((v): v is string => v !== undefined);

/** Why credentials are not available. The message is for the log and maintenance screen: it never holds a credential. */
export type CredentialsErrorCode =
  | 'not-provisioned'
  | 'provisioning-invalid'
  | 'wrong-machine'
  | 'encryption-unavailable'
  | 'weak-store-refused'
  | 'store-unreadable'
  | 'backend-changed';

export type CredentialsError = { readonly code: CredentialsErrorCode; readonly message: string };
