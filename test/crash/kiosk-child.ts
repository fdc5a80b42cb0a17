/**
 * The kiosk core as its own process, for the crash test: composed by startRuntime exactly as the app does,
 * against the simulated cloud (HTTP) and the simulated board process (pty). It redeems every code it is given,
 * in order, like a queue of customers who each retry until they get an answer; the parent SIGKILLs it at
 * random moments and starts it again. Each line on stdout is one JSON event.
 */
import { createJsonLogger } from '../../electron/adapters/json-logger';
import { machineConfigSchema } from '../../electron/core/config/schema';
import { startRuntime } from '../../electron/runtime/start-runtime';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const say = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

const main = async (): Promise<void> => {
  const config = machineConfigSchema.parse(JSON.parse(env('CRASH_CONFIG')));
  const codes = env('CRASH_CODES').split(',').filter(Boolean);
  const logger = createJsonLogger({ level: 'warn', write: (line) => process.stderr.write(`${line}\n`) });
  const runtime = await startRuntime({
    dataDir: env('CRASH_DATA_DIR'),
    machine: {
      kind: 'machine',
      config,
      credentials: { appId: 'crash-appid', appSecret: 'crash-secret', appKey: 'CRASHKEY' },
      // The same key on every restart, as the encrypted store gives a machine.
      codeKey: Buffer.alloc(32, 0x5c),
    },
    logger,
    // After a simulated power cut the parent says when "the machine" booted again.
    ...(process.env.CRASH_BOOTED_AT === undefined
      ? {}
      : { machineBootedAt: () => Number(process.env.CRASH_BOOTED_AT) }),
  });
  say({ event: 'ready' });
  for (const code of codes) {
    // A customer whose answer is "busy" or "cloud unreachable" tries again a moment later.
    for (let attempt = 0; attempt < 20; attempt++) {
      const result = await runtime.core.submitCode(code);
      say({ event: 'result', code, result });
      if (result.ok || (result.error.code !== 'busy' && result.error.code !== 'cloud-unreachable')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  // The queue is done: whatever is still owed goes now, whatever backoff an earlier failure left.
  await runtime.core.flushOutbox(true);
  say({ event: 'done', diagnostics: runtime.core.diagnostics() });
  await runtime.stop();
};

main().catch((e: unknown) => {
  say({ event: 'error', message: e instanceof Error ? e.message : String(e) });
  process.exitCode = 1;
});
