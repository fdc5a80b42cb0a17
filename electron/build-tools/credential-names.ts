/**
 * File names that say "credential". Two lists with different jobs:
 * - the kiosk's own credential files (what CREDENTIAL_FILE_PATTERNS leaves out of every package): provisioning
 *   files, the encrypted store, .env files. An installer may well leave one in the compiled folder; the build
 *   drops it quietly.
 * - anything else that looks like a secret: such a file in a package is a mistake nobody planned for, so the
 *   package check refuses it and a person has to look.
 */

/** Basenames of the files CREDENTIAL_FILE_PATTERNS excludes (keep the two in step). */
export const isExcludedCredentialFileName = (name: string): boolean =>
  /\.provision\.json$/i.test(name) ||
  /^provisioning.*\.json$/i.test(name) ||
  /^credentials.*\.json$/i.test(name) ||
  /^\.env(\..*)?$/i.test(name) ||
  /\.env$/i.test(name);

/** Editor and copy leftovers: `x.bak`, `x~`, `x.old`, `#x#`, `.x.swp`. What they are copies of is what counts. */
const BACKUP = /(?:\.(?:bak|backup|old|orig|save|sav|tmp|swp|swo|copy)|~|\.\d+)$/i;

export const withoutBackupSuffixes = (name: string): string => {
  let base = name.replace(/^#(.*)#$/, '$1').replace(/^\.(.*)\.sw[po]$/i, '$1');
  for (let previous = ''; previous !== base;) {
    previous = base;
    base = base.replace(BACKUP, '');
  }
  return base;
};

/**
 * Code, styles and pages: a library may well be called `secret-box.js` or `credentials.d.ts`. A credential
 * pasted into such a file is still found by the content check, which looks for the values themselves.
 */
const CODE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|map|node|wasm|css|html?)$/i;

type NameRule = { readonly pattern: RegExp; readonly what: string; readonly inCode: boolean };

const RULES: readonly NameRule[] = [
  { pattern: /\.provision\.json$|^provisioning.*\.json$/i, what: 'a provisioning file', inCode: true },
  { pattern: /^credentials.*\.json$/i, what: 'a credential store', inCode: true },
  { pattern: /^\.env(?:\..*)?$|\.env$/i, what: 'an environment file', inCode: true },
  { pattern: /\.(?:pem|key|p12|pfx|jks|keystore|ppk|asc|gpg)$/i, what: 'key material', inCode: true },
  { pattern: /^id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?$/i, what: 'an SSH key', inCode: true },
  { pattern: /^\.(?:netrc|pgpass|htpasswd)$/i, what: 'a password file', inCode: true },
  // `cred` as a word of its own, so `credit-card.test.ts` and `incredible.txt` stay out of it.
  { pattern: /(?:^|[^a-z])creds?(?:[^a-z]|$)|credential/i, what: 'a credential file', inCode: false },
  { pattern: /secret|passw(?:or)?d|app_?key|api_?key/i, what: 'a secret', inCode: false },
];

/** Why a file name looks like a secret (to name in a problem), or undefined. Looks at the basename only. */
export const suspiciousFileName = (name: string): string | undefined => {
  const base = withoutBackupSuffixes(name);
  const isCode = CODE.test(base);
  const rule = RULES.find((r) => (r.inCode || !isCode) && r.pattern.test(base));
  if (rule === undefined) return undefined;
  return base === name ? `its name looks like ${rule.what}` : `its name looks like a copy of ${rule.what}`;
};
