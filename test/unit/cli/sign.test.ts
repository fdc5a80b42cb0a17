import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { encodePayload } from '../../../electron/core/protocol/payload';
import { captureCliIo } from '../../fakes/capture-cli-io';

const dir = mkdtempSync(join(tmpdir(), 'kioskctl-sign-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sign = async (argv: string[], env: Record<string, string> = {}) => {
  const io = captureCliIo({ cwd: dir, env });
  const code = await runCli(['sign', ...argv], io);
  return { code, io };
};

describe('kioskctl sign', () => {
  it.each([
    [
      'abc',
      { a: '123', b: '456', c: '789', timestamp: '1717899356' },
      'a=123&b=456&c=789&timestamp=1717899356&key=***',
      '0C59AD369ED0E8F5AD06610EBBE6F263',
    ],
    [
      'EXAMPLEKEY',
      { machine_no: '12345678', timestamp: '1714185061' },
      'machine_no=12345678&timestamp=1714185061&key=***',
      '183022AD230011D2980947A233AD5A9E',
    ],
    [
      'EXAMPLEKEY',
      {
        code: '12345678',
        machine_no: '12345678',
        method: 'event.consume.pickup_code',
        notify_url: 'https://example.com/notify',
        product_id: 131,
        timestamp: '1714353655',
        trade_id: '20240429000000000001',
      },
      'code=12345678&machine_no=12345678&method=event.consume.pickup_code&notify_url=https://example.com/notify&product_id=131&timestamp=1714353655&trade_id=20240429000000000001&key=***',
      'D6A695D2D201E07CC3D390D78E11F39D',
    ],
  ])('reproduces the vendor vector with key %s', async (key, fields, redacted, expected) => {
    const { code, io } = await sign(['--key', key, JSON.stringify(fields)]);
    expect(code).toBe(0);
    expect(io.stdout).toEqual([redacted, expected]);
    expect(io.all()).not.toContain(`key=${key}`);
  });

  it('reads the fields from --payload-file', async () => {
    const path = join(dir, 'fields.json');
    writeFileSync(path, JSON.stringify({ machine_no: '12345678', timestamp: '1714185061' }));
    const { code, io } = await sign(['--key', 'EXAMPLEKEY', '--payload-file', 'fields.json']);
    expect(code).toBe(0);
    expect(io.stdout.at(-1)).toBe('183022AD230011D2980947A233AD5A9E');
  });

  it('decodes a captured request body and checks the sign it carried', async () => {
    const body = encodePayload({ machine_no: '12345678', product_id: 131 }, 'TESTKEY', 1_714_185_061).body;
    writeFileSync(join(dir, 'body.json'), body);
    const good = await sign(['--payload-file', 'body.json'], { KIOSK_APPKEY: 'TESTKEY' });
    expect(good.io.stdout[0]).toMatch(/^sign in payload: [0-9A-F]{32} \(matches\)$/);
    expect(good.io.stdout[1]).toBe('machine_no=12345678&product_id=131&timestamp=1714185061&key=***');
    const bad = await sign(['--key', 'WRONGKEY', '--payload-file', 'body.json']);
    expect(bad.io.stdout[0]).toMatch(/MISMATCH/);
    expect(bad.io.stdout).toHaveLength(3);
  });

  it.each([
    [['{"a":"1"}'], /--key is required/],
    [['--key', 'k'], /exactly one/],
    [['--key', 'k', '{"a":1}', '--payload-file', 'x'], /exactly one/],
    [['--key', 'k', '[1]'], /must be a JSON object/],
    [['--key', 'k', '{"a":{"b":1}}'], /"a" must be a string or a number/],
    [['--key', 'k', '{oops'], /not valid JSON/],
    [['--key', 'k', '--payload-file', 'missing.json'], /cannot read missing.json/],
  ])('refuses %j with a usage error', async (argv, message) => {
    const { code, io } = await sign(argv);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});
