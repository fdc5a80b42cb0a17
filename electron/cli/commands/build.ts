import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BUILD_TARGETS, isBuildTarget, type BuildTarget } from '../../build-tools/builder-config';
import { buildFleet } from '../../build-tools/fleet-build';
import { secretsFromEnv } from '../../build-tools/known-secrets';
import { buildMachinePackage, type MachineBuildOutcome } from '../../build-tools/machine-build';
import { MIN_SEARCHED_LENGTH } from '../../build-tools/package-needles';
import { formatFleetSummary } from '../../build-tools/summary-table';
import { parseArgs, UsageError, type ParsedArgs } from '../args';
import type { CliIo, CommandGroup } from '../command';

const OPTIONS = ['machine', 'fleet', 'target', 'out', 'electron-dist', 'app-dir', 'provision-out'];

type Common = {
  projectDir: string;
  outDir: string;
  target: BuildTarget;
  electronDist?: string;
  appDir?: string;
};

const commonOptions = (parsed: ParsedArgs, io: CliIo): Common => {
  const target = parsed.values.get('target') ?? 'deb';
  if (!isBuildTarget(target))
    throw new UsageError(`--target must be one of ${BUILD_TARGETS.join(', ')}, got "${target}"`);
  const path = (name: string): string | undefined => {
    const value = parsed.values.get(name);
    return value === undefined ? undefined : resolve(io.cwd, value);
  };
  return {
    projectDir: io.cwd,
    outDir: path('out') ?? resolve(io.cwd, 'release'),
    target,
    ...(path('electron-dist') !== undefined ? { electronDist: path('electron-dist') } : {}),
    ...(path('app-dir') !== undefined ? { appDir: path('app-dir') } : {}),
  };
};

/** What the package check read, so an installer sees it ran and what it could not look for. */
const checkLines = ({ check }: MachineBuildOutcome): string[] => [
  `  checked for secrets: ${check.files} files, ${(check.bytes / 1e6).toFixed(1)} MB in ${check.seconds.toFixed(1)} s`,
  ...(check.unsearched.length > 0
    ? [
        `  not searched for by value (under ${MIN_SEARCHED_LENGTH} characters): ${check.unsearched.join(', ')}`,
      ]
    : []),
];

/**
 * `file` as the operator typed it (for messages); read relative to the working folder. The credentials
 * `kioskctl provision` reads may still be set in the environment: if so, the package is searched for them.
 */
const buildOne = async (file: string, common: Common, io: CliIo): Promise<number> => {
  let configText: string;
  try {
    configText = await readFile(resolve(io.cwd, file), 'utf8');
  } catch {
    io.err(`build: cannot read ${file}`);
    return 1;
  }
  const built = await buildMachinePackage({ ...common, configText, secrets: secretsFromEnv(io.env) });
  if (!built.ok) {
    io.err(`build: ${file}: ${built.error.length} problem${built.error.length === 1 ? '' : 's'}:`);
    for (const problem of built.error) io.err(`  - ${problem}`);
    return 1;
  }
  io.out(`machine ${built.value.machineNo}: ${built.value.outputDir}`);
  for (const artifact of built.value.artifacts) io.out(`  ${artifact}`);
  io.out(`  unpacked: ${built.value.unpackedDir}`);
  for (const line of checkLines(built.value)) io.out(line);
  return 0;
};

/**
 * `kioskctl build --machine FILE` packages one machine; `kioskctl build --fleet FILE.csv` packages every row of
 * a fleet file and writes its provisioning files. Run from the repository root after `npm run build`.
 */
export const buildCommand: CommandGroup = {
  name: 'build',
  summary: 'package the kiosk for one machine (--machine) or a fleet (--fleet)',
  usage: `build (--machine FILE | --fleet FILE.csv) [--target ${BUILD_TARGETS.join('|')}] [--out DIR] [--electron-dist DIR] [--app-dir DIR] [--provision-out DIR]`,
  async run(args, io) {
    const parsed = parseArgs(args, { values: OPTIONS, flags: ['force'] });
    if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0] ?? ''}"`);
    const machine = parsed.values.get('machine');
    const fleet = parsed.values.get('fleet');
    if ((machine === undefined) === (fleet === undefined))
      throw new UsageError('give either --machine FILE or --fleet FILE.csv');
    const common = commonOptions(parsed, io);
    if (common.electronDist !== undefined) {
      io.err(
        'build: using a local Electron folder: native modules are packaged as installed, not rebuilt for Electron',
      );
    }
    if (machine !== undefined) return buildOne(machine, common, io);

    const csvPath = resolve(io.cwd, fleet ?? '');
    const provisionOut = parsed.values.get('provision-out');
    const provisionDir =
      provisionOut === undefined ? join(dirname(csvPath), 'provisioning') : resolve(io.cwd, provisionOut);
    const result = await buildFleet({
      ...common,
      csvPath,
      provisionDir,
      env: io.env,
      force: parsed.flags.has('force'),
      onRow: (row) => {
        const parts = [`line ${row.line}:`, row.ok ? 'built' : 'FAILED', row.machineNo, row.detail].filter(
          (p) => p !== undefined,
        );
        (row.ok ? io.out : io.err)(parts.join(' '));
      },
    });
    if (!result.ok) {
      io.err(`build: ${result.error}`);
      return 1;
    }
    io.out('');
    for (const line of formatFleetSummary(result.value)) io.out(line);
    return result.value.every((r) => r.ok) && result.value.length > 0 ? 0 : 1;
  },
};
