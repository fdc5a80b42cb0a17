import { describe, expect, it } from 'vitest';
import { parseFleetCsv, splitCsvLine } from '../../../electron/build-tools/fleet-csv';

const HEADER = 'config,machine_no,appid,appsecret,appkey';

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    [' a , b ,', ['a', 'b', '']],
    ['"a, b",c', ['a, b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['', ['']],
  ])('%j', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });

  it('reports an unclosed quote', () => {
    expect(splitCsvLine('"open,b')).toBeUndefined();
  });
});

describe('parseFleetCsv', () => {
  it('reads rows with their line numbers, skipping blank lines and # notes', () => {
    const text = `# fleet for site A\n${HEADER}\n\nm.json,12345678,env:A,env:B,env:C\n# spare\nm.json,12345679,x,y,z\r\n`;
    expect(parseFleetCsv(text)).toEqual({
      ok: true,
      value: {
        records: [
          {
            line: 4,
            fields: {
              config: 'm.json',
              machine_no: '12345678',
              appid: 'env:A',
              appsecret: 'env:B',
              appkey: 'env:C',
            },
          },
          {
            line: 6,
            fields: { config: 'm.json', machine_no: '12345679', appid: 'x', appsecret: 'y', appkey: 'z' },
          },
        ],
        problems: [],
      },
    });
  });

  it('reports a bad row with its line number and keeps the others', () => {
    const parsed = parseFleetCsv(`${HEADER}\nm.json,1,a,b\n"m.json,2,a,b,c\nm.json,12345678,a,b,c\n`);
    expect(parsed.ok && parsed.value.problems).toEqual([
      { line: 2, message: 'has 4 fields, the header has 5' },
      { line: 3, message: 'a quoted field is not closed (rows must stay on one line)' },
    ]);
    expect(parsed.ok && parsed.value.records.map((r) => r.line)).toEqual([4]);
  });

  it('leaves empty optional cells out', () => {
    const parsed = parseFleetCsv(`${HEADER},serial_path\nm.json,,a,b,c,\n`);
    expect(parsed.ok && parsed.value.records[0]?.fields).toEqual({
      config: 'm.json',
      appid: 'a',
      appsecret: 'b',
      appkey: 'c',
    });
  });

  it.each([
    [
      '',
      'the fleet file has no header row (expected: config,machine_no,machine_name,serial_path,appid,appsecret,appkey)',
    ],
    [
      'config,machine,appid,appsecret,appkey\n',
      'line 1: unknown column "machine"; allowed: config, machine_no, machine_name, serial_path, appid, appsecret, appkey',
    ],
    ['config,appid,appsecret\n', 'line 1: missing column appkey'],
    ['config,appid,appsecret,appkey,appid\n', 'line 1: a column is listed twice'],
  ])('a bad header stops the file: %j', (text, message) => {
    expect(parseFleetCsv(text)).toEqual({ ok: false, error: message });
  });
});
