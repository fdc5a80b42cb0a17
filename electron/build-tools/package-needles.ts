import { PROVISIONING_KIND } from '../core/credentials/provisioning-file';

/** A credential value the build knows, with a label that names it without showing it. */
export type KnownSecret = { readonly label: string; readonly value: string };

/**
 * What the content check looks for. A credential is found by its value; key material by a fixed piece of
 * text (`PRIVATE KEY-----`, the provisioning kind) whose surroundings are then checked by `confirm`, so code
 * that merely names the piece (the app's own PROVISIONING_KIND constant, a PEM parser) is not taken for a key.
 */
export type Needle =
  | { readonly kind: 'credential'; readonly bytes: Buffer; readonly label: string; readonly spelling: string }
  | {
      readonly kind: 'key-material';
      readonly bytes: Buffer;
      readonly what: string;
      readonly confirm: Confirm;
    };

/** Looks at the text around a hit: `before` ends where the needle ends, `after` starts there. */
export type Confirm = (before: string, after: string) => boolean;

/**
 * Shorter values are not searched for: in a few hundred MB of Electron, an 8-character token still has no
 * real chance of turning up by accident, a 4-digit one certainly would. The names and markers are still checked.
 */
export const MIN_SEARCHED_LENGTH = 8;

/**
 * The stretch of a base64 text that encodes `value` when it starts `shift` bytes into a 3-byte group: the
 * characters at either end also carry neighbouring bytes, so only the inner ones are fixed. All three shifts
 * together find the value inside any base64 text, not only when it was encoded alone.
 */
export const base64Cores = (value: Buffer): string[] =>
  [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), value]).toString('base64');
    return encoded.slice(Math.ceil((shift * 8) / 6), Math.floor(((shift + value.length) * 8) / 6));
  });

const spellings = (value: string): [string, string][] => {
  const bytes = Buffer.from(value, 'utf8');
  const cores = base64Cores(bytes);
  return [
    ['as text', value],
    ['JSON-escaped', JSON.stringify(value).slice(1, -1)],
    ...cores.map((c): [string, string] => ['base64', c]),
    ...cores.map((c): [string, string] => ['base64url', c.replace(/\+/g, '-').replace(/\//g, '_')]),
  ];
};

export const credentialNeedles = (
  secrets: readonly KnownSecret[],
): { needles: Needle[]; unsearched: string[] } => {
  const needles: Needle[] = [];
  const seen = new Set<string>();
  const unsearched: string[] = [];
  for (const { label, value } of secrets) {
    if (value.length < MIN_SEARCHED_LENGTH) {
      unsearched.push(label);
      continue;
    }
    for (const [spelling, text] of spellings(value)) {
      if (text.length < MIN_SEARCHED_LENGTH || seen.has(`${label}\n${text}`)) continue;
      seen.add(`${label}\n${text}`);
      needles.push({ kind: 'credential', bytes: Buffer.from(text, 'utf8'), label, spelling });
    }
  }
  return { needles, unsearched: [...new Set(unsearched)] };
};

/** A line break as it is in a file, or as `\n` written inside a string literal of code or JSON. */
const BREAK = String.raw`(?:\\[rn]|[\r\n])`;
/** The header's end, optional `Proc-Type:`-style lines, then at least 40 characters of base64 body. */
const PEM_BODY = new RegExp(
  String.raw`^${BREAK}+(?:[A-Za-z-]+: [^\r\n\\]*${BREAK}+)*${BREAK}*[A-Za-z0-9+/=]{40}`,
);
const PEM_HEAD = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----$/;
/** `"kind": "pickup-kiosk-provisioning` as in the file, or escaped once or twice inside another string. */
const PROVISIONING_MARKER = new RegExp(String.raw`\\*"kind\\*"\s*:\s*\\*"${PROVISIONING_KIND}$`);

export const KEY_MATERIAL_NEEDLES: readonly Needle[] = [
  {
    kind: 'key-material',
    bytes: Buffer.from('PRIVATE KEY-----'),
    what: 'a PEM private key',
    confirm: (before, after) => PEM_HEAD.test(before) && PEM_BODY.test(after),
  },
  {
    kind: 'key-material',
    bytes: Buffer.from(PROVISIONING_KIND),
    what: `a provisioning file's "kind": "${PROVISIONING_KIND}"`,
    confirm: (before) => PROVISIONING_MARKER.test(before),
  },
];

/** How much text `confirm` is given on each side of a hit: a long PEM header plus an encrypted key's lines. */
export const CONFIRM_WINDOW = 512;
