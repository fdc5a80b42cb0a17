import { resolve } from 'node:path';
import { brokerUrlProblem } from '../../core/config/live-link-schema';
import { demoCredentials, demoSeed, listDemoCodes } from '../../sim/cloud/demo-seed';
import { loadSeedFile } from '../../sim/cloud/seed-file';
import { startSimCloud, type SimCloud } from '../../sim/cloud/server';
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

/** The MQTT side's settings from `--broker` / `--machine-id`; null without `--broker` (HTTP only). */
const liveFlags = (values: ReadonlyMap<string, string>): { brokerUrl: string; machineId: string } | null => {
  const brokerUrl = values.get('broker');
  const machineId = values.get('machine-id') ?? '900001';
  if (brokerUrl === undefined) {
    if (values.has('machine-id')) throw new UsageError('--machine-id needs --broker');
    return null;
  }
  const problem = brokerUrlProblem(brokerUrl);
  if (problem) throw new UsageError(`--broker must be ${problem}`);
  if (!/^\d{1,20}$/.test(machineId))
    throw new UsageError('--machine-id must be digits (the platform machine id)');
  return { brokerUrl, machineId };
};

/**
 * `kioskctl sim cloud [--port N] [--seed FILE] [--broker URL [--machine-id ID]]`: the fake vendor cloud until
 * `until` resolves (a signal, when run as a process). Credentials come from the environment when set, else the
 * demo's fake ones are used and printed, so `kioskctl cloud …` can be pointed at it by hand. With `--broker` it
 * also pushes code changes over MQTT, signed with the AppKey in use, as the vendor's platform does.
 */
export const runSimCloud = async (
  args: readonly string[],
  io: CliIo,
  until: Promise<void> = untilSignal(),
): Promise<number> => {
  const parsed = parseArgs(args, { values: ['port', 'seed', 'broker', 'machine-id'] });
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument "${parsed.positionals[0] ?? ''}"`);
  const port = intValue(parsed, 'port', 0);
  if (port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  const live = liveFlags(parsed.values);
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
  const credentials = fromEnv ?? demoCredentials;
  let sim: SimCloud;
  try {
    sim = await startSimCloud({
      port,
      seed,
      credentials,
      ...(live ? { live: { ...live, key: credentials.appKey } } : {}),
    });
  } catch (e) {
    // The broker not being there is the operator's to fix, not an internal error.
    if (live === null || !(e instanceof Error)) throw e;
    io.err(e.message);
    return 1;
  }
  const machineNo = seed.machine.machineNo;
  io.out(`sim cloud listening on ${sim.baseUrl} (machine ${machineNo}, ${seed.products.length} products)`);
  if (live)
    io.out(
      `broker: ${live.brokerUrl}, machine_id ${live.machineId}: codes created or cancelled are pushed to /clients/${machineNo}, signed with the AppKey (liveLink.signWith "appKey")`,
    );
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
  usage: 'cloud [--port N] [--seed FILE] [--broker URL [--machine-id ID]]',
  run: (args, io) => runSimCloud(args, io),
};
