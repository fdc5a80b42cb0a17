import { err, ok, type Result } from '../contract/result';

/**
 * The fleet file: one machine per row, comma-separated, with a header row. Lines that are empty or start
 * with `#` are skipped, so the file can carry notes. Fields may be quoted ("a, b" or "say ""hi"""); a row
 * must stay on one line. Columns:
 *   config       (required) machine configuration JSON, relative to the CSV file's folder; a shared template is fine
 *   machine_no   (optional) replaces machineNo from the config, so one template serves many machines
 *   machine_name (optional) replaces machineName
 *   serial_path  (optional) replaces serial.path
 *   appid, appsecret, appkey (required) `env:NAME` to read environment variable NAME, or the value itself;
 *                keep a file with values outside any repository
 */
export const FLEET_COLUMNS = [
  'config',
  'machine_no',
  'machine_name',
  'serial_path',
  'appid',
  'appsecret',
  'appkey',
] as const;
export type FleetColumn = (typeof FLEET_COLUMNS)[number];
const REQUIRED: readonly FleetColumn[] = ['config', 'appid', 'appsecret', 'appkey'];

export type FleetRecord = {
  readonly line: number;
  readonly fields: Readonly<Partial<Record<FleetColumn, string>>>;
};
export type FleetRowProblem = { readonly line: number; readonly message: string };
export type FleetCsv = {
  readonly records: readonly FleetRecord[];
  readonly problems: readonly FleetRowProblem[];
};

/** Splits one CSV line; undefined when a quote is left open. */
export const splitCsvLine = (line: string): string[] | undefined => {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (line[i] === '"') {
          break;
        } else {
          field += line[i++] ?? '';
        }
      }
      i++;
      while (i < line.length && line[i] !== ',') field += line[i++] ?? '';
    } else {
      while (i < line.length && line[i] !== ',') field += line[i++] ?? '';
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i++; // the comma
  }
};

const isSkipped = (line: string): boolean => line.trim() === '' || line.trimStart().startsWith('#');

/** A header problem stops the whole file (it affects every row); a row problem is reported with its line. */
export const parseFleetCsv = (text: string): Result<FleetCsv, string> => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => !isSkipped(l));
  const header = headerIndex === -1 ? undefined : splitCsvLine(lines[headerIndex] ?? '');
  if (!header) return err('the fleet file has no header row (expected: ' + FLEET_COLUMNS.join(',') + ')');
  const columns = header.map((h) => h.toLowerCase());
  const unknown = columns.filter((c) => !(FLEET_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    return err(
      `line ${headerIndex + 1}: unknown column ${unknown.map((c) => `"${c}"`).join(', ')}; allowed: ${FLEET_COLUMNS.join(', ')}`,
    );
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) return err(`line ${headerIndex + 1}: missing column ${missing.join(', ')}`);
  if (new Set(columns).size !== columns.length)
    return err(`line ${headerIndex + 1}: a column is listed twice`);

  const records: FleetRecord[] = [];
  const problems: FleetRowProblem[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (isSkipped(text)) continue;
    const line = index + 1;
    const values = splitCsvLine(text);
    if (!values) {
      problems.push({ line, message: 'a quoted field is not closed (rows must stay on one line)' });
    } else if (values.length !== columns.length) {
      problems.push({ line, message: `has ${values.length} fields, the header has ${columns.length}` });
    } else {
      const fields: Partial<Record<FleetColumn, string>> = {};
      columns.forEach((column, i) => {
        const value = values[i] ?? '';
        if (value !== '') fields[column as FleetColumn] = value;
      });
      records.push({ line, fields });
    }
  }
  return ok({ records, problems });
};
