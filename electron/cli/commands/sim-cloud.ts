import { resolve } from 'node:path';
import { demoCredentials, demoSeed, listDemoCodes } from '../../sim/cloud/demo-seed';
import { loadSeedFile } from '../../sim/cloud/seed-file';
import { startSimCloud } from '../../sim/cloud/server';
import { intValue, parseArgs, UsageError } from '../args';
import type { CliIo } from '../command';
import { credentialEnv, credentialsFromEnv } from './cloud-setup';
import type { SimSubcommand } from './sim';

/** Resolves on Ctrl-C or a service stop. */
const untilSignal = (): Promise<void> =>
  new Promise((done) => {
    process.once('SIGINT', () => {
      done();
    });
    process.once('SIGTERM', () => {
      done();
    });
  });

/**
 * `kioskctl sim cloud [--port N] [--seed FILE]`: the fake vendor cloud until `until` resolves (a signal, when
 * run as a process). Credentials come from the environment when set, else the demo's fake ones are used and
 * printed, so `kioskctl cloud …` can be pointed at it by hand.
 */
export const runSimCloud = async (
  args: readonly string[],
  io: CliIo,
  until: Promise<void> = untilSignal(),
): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'seed'] });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const port = intValue(parsed, 'port', 0);
  if (port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  const seedPath = parsed.values.get('seed');
  let seed = demoSeed();
  if (seedPath !== undefined) {
    const loaded = await loadSeedFile(resolve(io.cwd, seedPath));
    if (!loaded.ok) {
      io.err(`sim cloud: ${loaded.error}`);
      return 1;
    }
    seed = loaded.value;
  }
  const fromEnv = credentialsFromEnv(io.env);
  const sim = await startSimCloud({ port, seed, credentials: fromEnv ?? demoCredentials });
  const machineNo = seed.machine.machineNo;
  io.out(`sim cloud listening on ${sim.baseUrl} (machine ${machineNo}, ${seed.products.length} products)`);
  if (fromEnv) {
    io.out(`credentials: from ${credentialEnv.appId}, ${credentialEnv.appSecret}, ${credentialEnv.appKey}`);
  } else {
    const { appId, appSecret, appKey } = demoCredentials;
    io.out(
      `credentials (fake demo ones): export ${credentialEnv.appId}=${appId} ${credentialEnv.appSecret}=${appSecret} ${credentialEnv.appKey}=${appKey}`,
    );
  }
  io.out(`try: kioskctl cloud products --base-url ${sim.baseUrl} --machine-no ${machineNo}`);
  for (const c of listDemoCodes(Date.now(), seed))
    io.out(`code ${c.code}: ${c.quantity} × ${c.productName} (${c.slotName})`);
  await until;
  await sim.close();
  io.out('sim cloud stopped');
  return 0;
};

export const simCloudSubcommand: SimSubcommand = {
  usage: 'cloud [--port N] [--seed FILE]',
  run: (args, io) => runSimCloud(args, io),
};
