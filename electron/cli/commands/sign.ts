import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodePayload } from '../../core/protocol/payload';
import { computeSign, type SignFields } from '../../core/protocol/sign';
import { parseArgs, UsageError } from '../args';
import type { CommandGroup } from '../command';

/** Field values an operator can sign: strings and numbers as the vendor takes them; null counts as empty. */
const toSignFields = (value: unknown, source: string): SignFields => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${source} must be a JSON object`);
  const fields: Record<string, string | number | null> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number' && v !== null) {
      throw new UsageError(`${source}: field "${key}" must be a string or a number`);
    }
    fields[key] = v;
  }
  return fields;
};

const parseJsonText = (text: string, source: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${source} is not valid JSON`);
  }
};

/**
 * A file may hold the fields themselves or a captured request body `{"payload": "<base64>"}`, which is decoded:
 * the usual way to find out why the vendor says a signature is wrong.
 */
const fieldsFromFile = async (path: string, cwd: string): Promise<SignFields> => {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
  const json = parseJsonText(text, path);
  const payload = typeof json === 'object' && json !== null && 'payload' in json ? json.payload : undefined;
  if (typeof payload !== 'string') return toSignFields(json, path);
  const decoded = decodePayload(payload);
  if (!decoded.ok) throw new UsageError(`${path}: ${decoded.error.reason}`);
  return decoded.fields;
};

export const signCommand: CommandGroup = {
  name: 'sign',
  summary: 'print the string the vendor signature hashes (key as ***) and the sign',
  usage: "sign --key KEY ('<json object>' | --payload-file FILE)",
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['key', 'payload-file'] });
    const key = parsed.values.get('key') ?? io.env.KIOSK_APPKEY ?? '';
    if (key === '') throw new UsageError('--key is required (or set KIOSK_APPKEY)');
    const file = parsed.values.get('payload-file');
    const [inline, ...extra] = parsed.positionals;
    if (extra.length > 0 || (file === undefined) === (inline === undefined)) {
      throw new UsageError('give exactly one of a JSON object argument or --payload-file');
    }
    const fields =
      file !== undefined
        ? await fieldsFromFile(file, io.cwd)
        : toSignFields(parseJsonText(inline ?? '', 'the argument'), 'the argument');
    const result = computeSign(fields, key);
    const given = fields.sign;
    if (typeof given === 'string' && given !== '') {
      const same = given.toUpperCase() === result.sign;
      io.out(`sign in payload: ${given} (${same ? 'matches' : 'MISMATCH: the key or the fields differ'})`);
    }
    io.out(result.redacted);
    io.out(result.sign);
    return 0;
  },
};
