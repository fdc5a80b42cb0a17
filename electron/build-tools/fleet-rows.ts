import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { err, ok, type Result } from '../contract/result';
import { problemLine } from '../core/config/format-problems';
import { parseMachineConfig } from '../core/config/parse-config';
import type { Credentials } from '../core/ports/credentials';
import { checkCredentials } from './credentials-from-env';
import type { FleetRecord } from './fleet-csv';

/** One row turned into what the build needs: the configuration text to embed and the row's credentials. */
export type FleetJob = {
  readonly line: number;
  readonly machineNo: string;
  readonly configText: string;
  readonly credentials: Credentials;
};

export type FleetContext = {
  /** Relative config paths in the CSV are relative to the CSV file's folder. */
  readonly csvDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
};

/** A credential cell: `env:NAME` reads the environment (named in errors, never echoed); anything else is the value. */
const credentialCell = (
  cell: string | undefined,
  column: string,
  env: FleetContext['env'],
): { value: string | undefined; label: string } => {
  if (cell?.startsWith('env:')) {
    const name = cell.slice(4);
    return { value: env[name], label: `${column} (environment variable ${name})` };
  }
  return { value: cell, label: column };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const applyOverrides = (
  template: Record<string, unknown>,
  fields: FleetRecord['fields'],
): Record<string, unknown> => {
  const config: Record<string, unknown> = { ...template };
  if (fields.machine_no !== undefined) config.machineNo = fields.machine_no;
  if (fields.machine_name !== undefined) config.machineName = fields.machine_name;
  if (fields.serial_path !== undefined)
    config.serial = { ...(isObject(config.serial) ? config.serial : {}), path: fields.serial_path };
  return config;
};

/** The template as an object; JSON mistakes are located by parseMachineConfig's syntax report. */
const readTemplate = (text: string): Result<Record<string, unknown>, string[]> => {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const parsed = parseMachineConfig(text);
    return err(parsed.ok ? ['not valid JSON'] : parsed.error.map(problemLine));
  }
  return isObject(raw) ? ok(raw) : err(['must hold one JSON object { ... }']);
};

/** Every problem with the row (credentials and configuration); the caller adds the line number. */
export const resolveFleetRow = async (
  record: FleetRecord,
  context: FleetContext,
): Promise<Result<FleetJob, string[]>> => {
  const { fields } = record;
  const cells = {
    appId: credentialCell(fields.appid, 'appid', context.env),
    appSecret: credentialCell(fields.appsecret, 'appsecret', context.env),
    appKey: credentialCell(fields.appkey, 'appkey', context.env),
  };
  const credentials = checkCredentials(
    { appId: cells.appId.value, appSecret: cells.appSecret.value, appKey: cells.appKey.value },
    { appId: cells.appId.label, appSecret: cells.appSecret.label, appKey: cells.appKey.label },
  );
  const problems = credentials.ok ? [] : [...credentials.error];

  const name = fields.config ?? '';
  const configPath = resolve(context.csvDir, name);
  let text: string | undefined;
  if (name === '') problems.push('config is empty: give the path of a machine configuration file');
  else {
    try {
      text = await readFile(configPath, 'utf8');
    } catch {
      problems.push(`config ${name}: cannot read ${configPath}`);
    }
  }
  const template = text === undefined ? undefined : readTemplate(text);
  if (template && !template.ok) problems.push(...template.error.map((p) => `config ${name}: ${p}`));
  if (!template?.ok) return err(problems);

  const configText = `${JSON.stringify(applyOverrides(template.value, fields), null, 2)}\n`;
  const checked = parseMachineConfig(configText);
  if (!checked.ok) problems.push(...checked.error.map((p) => `config ${name}: ${problemLine(p)}`));
  if (!checked.ok || !credentials.ok) return err(problems);
  return ok({
    line: record.line,
    machineNo: checked.value.machineNo,
    configText,
    credentials: credentials.value,
  });
};
