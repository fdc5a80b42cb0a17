import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPinCommand } from '../../../../electron/cli/commands/pin';
import { runCli } from '../../../../electron/cli/main';
import { verifyPin } from '../../../../electron/core/security/pin-hash';
import { captureCliIo } from '../../../fakes/capture-cli-io';

const repo = join(__dirname, '../../../..');
const HASH = /^scrypt\$v2\$16\$8\$1\$6\$[0-9a-f]{32}\$[0-9a-f]{64}$/;

describe('kioskctl pin hash', () => {
  it('hashes the PIN from $KIOSK_PIN with a fresh salt each time', async () => {
    const first = captureCliIo({ env: { KIOSK_PIN: '246810' } });
    const second = captureCliIo({ env: { KIOSK_PIN: '246810' } });
    expect(await runCli(['pin', 'hash'], first)).toBe(0);
    expect(await runCli(['pin', 'hash'], second)).toBe(0);
    const [a, b] = [first.stdout[0] ?? '', second.stdout[0] ?? ''];
    expect(a).toMatch(HASH);
    expect(a).not.toBe(b);
    await expect(Promise.all([verifyPin('246810', a), verifyPin('246810', b)])).resolves.toEqual([
      true,
      true,
    ]);
    expect(first.all()).not.toContain('246810');
  });

  it('reads the PIN from the secret reader when the variable is not set', async () => {
    const prompts: string[] = [];
    const command = createPinCommand((prompt) => {
      prompts.push(prompt);
      return Promise.resolve('135791\n');
    });
    const io = captureCliIo();
    expect(await command.run(['hash'], io)).toBe(0);
    await expect(verifyPin('135791', io.stdout[0] ?? '')).resolves.toBe(true);
    expect(prompts).toEqual(['Maintenance PIN (6–12 digits): ']);
  });

  it('refuses a PIN given on the command line', async () => {
    const io = captureCliIo();
    expect(await runCli(['pin', 'hash', '1234'], io)).toBe(2);
    expect(io.stderr[0]).toContain('never put the PIN on the command line');
  });

  it.each(['12ab56', '13579', '1234'])('refuses %j: not 6–12 digits', async (pin) => {
    const io = captureCliIo({ env: { KIOSK_PIN: pin } });
    expect(await runCli(['pin', 'hash'], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([
      'pin hash: the PIN must be 6–12 digits (the maintenance keypad has digits only; a shorter one falls to a search of its hash within hours)',
    ]);
  });

  it('stops on an aborted entry', async () => {
    const aborted = captureCliIo();
    expect(await createPinCommand(() => Promise.resolve(undefined)).run(['hash'], aborted)).toBe(1);
  });

  it('works as a real process with the PIN piped to stdin', async () => {
    const run = spawnSync('npx', ['tsx', 'electron/cli/main.ts', 'pin', 'hash'], {
      cwd: repo,
      input: '975310\n',
      encoding: 'utf8',
      env: { ...process.env, KIOSK_PIN: '' },
    });
    expect(run.status).toBe(0);
    const line = run.stdout.trim();
    expect(line).toMatch(HASH);
    await expect(verifyPin('975310', line)).resolves.toBe(true);
  });
});
