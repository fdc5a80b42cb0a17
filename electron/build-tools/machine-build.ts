import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { electronBuilderConfig } from '../../build/electron-builder.config';
import { err, ok, type Result } from '../contract/result';
import { problemLine } from '../core/config/format-problems';
import { parseMachineConfig } from '../core/config/parse-config';
import {
  isBuildArch,
  machineBuilderConfig,
  machineOutputDir,
  unpackedDirName,
  type BuildArch,
  type BuildTarget,
} from './builder-config';
import { buildDebPackage } from './deb-package';
import { dpkgDeb, type DpkgDeb } from './dpkg-deb';
import type { KnownSecret } from './package-needles';
import { runElectronBuilder } from './run-builder';
import { verifyUnpackedPackage, type PackageReport } from './verify-package';

export type MachineBuildRequest = {
  readonly projectDir: string;
  /** The configuration exactly as it will be embedded (a file's text, or a fleet row's generated JSON). */
  readonly configText: string;
  readonly outDir: string;
  readonly target: BuildTarget;
  readonly electronDist?: string;
  readonly appDir?: string;
  /** Defaults to this computer's architecture. */
  readonly arch?: BuildArch;
  /** Credential values the build knows: the package must hold none of them, in any spelling. */
  readonly secrets?: readonly KnownSecret[];
};

export type MachineBuildOutcome = {
  readonly machineNo: string;
  readonly outputDir: string;
  /** The packages built (the .deb for `deb`; empty for `dir`, whose result is `unpackedDir`). */
  readonly artifacts: readonly string[];
  readonly unpackedDir: string;
  /** What the package check read (for the build's output), and how long it took. */
  readonly check: PackageReport['scan'] & { readonly seconds: number };
};

export type BuilderRunner = typeof runElectronBuilder;

/** The compiled app must exist before packaging; a missing part means `npm run build` was not run. */
const missingAppParts = (appDir: string): string[] =>
  ['main', 'preload', 'renderer']
    .filter((part) => !existsSync(join(appDir, part)))
    .map((part) => `${join(appDir, part)} is missing: run \`npm run build\` first`);

/** Checked before anything is built: finding out after the electron-builder run would waste it. */
const debToolProblems = (target: BuildTarget, tools: DpkgDeb): string[] =>
  target === 'deb' && !tools.available()
    ? [
        'the deb target needs dpkg-deb, which is not installed: it comes with dpkg on Debian and Ubuntu; ' +
          'elsewhere install the dpkg package (e.g. dnf install dpkg, brew install dpkg)',
      ]
    : [];

type Packaging = {
  readonly request: MachineBuildRequest;
  readonly config: Configuration;
  readonly machineNo: string;
  readonly outputDir: string;
  readonly appDir: string;
  readonly arch: BuildArch;
};

const secretsOf = (request: MachineBuildRequest): { secrets?: readonly KnownSecret[] } =>
  request.secrets !== undefined ? { secrets: request.secrets } : {};

/** electron-builder, the check of its output, then for a deb dpkg-deb and its own check. */
const packageMachine = async (
  { request, config, machineNo, outputDir, appDir, arch }: Packaging,
  runBuilder: BuilderRunner,
  tools: DpkgDeb,
): Promise<Result<MachineBuildOutcome, string[]>> => {
  const built = await runBuilder(request.projectDir, config, request.target, arch);
  if (!built.ok) return err([`electron-builder: ${built.error}`]);
  const unpackedDir = join(outputDir, unpackedDirName(request.target, arch));
  const checkStarted = performance.now();
  const verified = await verifyUnpackedPackage(unpackedDir, {
    configText: request.configText,
    appDir,
    ...secretsOf(request),
  });
  if (!verified.ok) return err(verified.error);
  const check = { ...verified.value.scan, seconds: (performance.now() - checkStarted) / 1000 };
  if (request.target !== 'deb')
    return ok({ machineNo, outputDir, artifacts: built.value, unpackedDir, check });
  const deb = await buildDebPackage(
    {
      projectDir: request.projectDir,
      unpackedDir,
      outputDir,
      machineNo,
      arch,
      config,
      ...secretsOf(request),
    },
    tools,
  );
  return deb.ok ? ok({ machineNo, outputDir, artifacts: [deb.value], unpackedDir, check }) : err(deb.error);
};

/**
 * Builds one machine's package: validates its configuration, embeds it as resources/machine.json, names the
 * output after the machine number, and checks the result holds the app and nothing secret. A deb is made
 * from electron-builder's `dir` output with dpkg-deb, and checked as well. Once electron-builder has been
 * started, any failure (its own, a check's, an exception) removes this machine's output folder: a package
 * that failed its check must not be left lying there for someone to install.
 */
export const buildMachinePackage = async (
  request: MachineBuildRequest,
  runBuilder: BuilderRunner = runElectronBuilder,
  base: Configuration = electronBuilderConfig,
  tools: DpkgDeb = dpkgDeb,
): Promise<Result<MachineBuildOutcome, string[]>> => {
  const parsed = parseMachineConfig(request.configText);
  if (!parsed.ok) return err(parsed.error.map(problemLine));
  const machineNo = parsed.value.machineNo;
  const appDir = request.appDir ?? join(request.projectDir, 'out');
  const arch = request.arch ?? process.arch;
  if (!isBuildArch(arch)) return err([`cannot build for this computer's architecture (${arch})`]);
  const missing = [...missingAppParts(appDir), ...debToolProblems(request.target, tools)];
  if (missing.length > 0) return err(missing);

  const outputDir = machineOutputDir(request.outDir, machineNo);
  const removeOutput = () => rm(outputDir, { recursive: true, force: true });
  // Staged outside the project so the embedded file is exactly the text that was validated.
  const staging = await mkdtemp(join(tmpdir(), `pickup-kiosk-${machineNo}-`));
  let result: Result<MachineBuildOutcome, string[]>;
  try {
    const configFile = join(staging, 'machine.json');
    await writeFile(configFile, request.configText, 'utf8');
    const config = machineBuilderConfig(base, { ...request, machineNo, configFile, appDir });
    result = await packageMachine({ request, config, machineNo, outputDir, appDir, arch }, runBuilder, tools);
  } catch (e) {
    await removeOutput();
    throw e;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (result.ok) return result;
  await removeOutput();
  return err([
    ...result.error,
    `the output folder ${outputDir} was removed: no package of this build is left`,
  ]);
};
