import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { electronBuilderConfig } from '../../build/electron-builder.config';
import { err, ok, type Result } from '../contract/result';
import { problemLine } from '../core/config/format-problems';
import { parseMachineConfig } from '../core/config/parse-config';
import { machineBuilderConfig, machineOutputDir, targetPlatform, type BuildTarget } from './builder-config';
import { runElectronBuilder } from './run-builder';
import { verifyUnpackedPackage } from './verify-package';

export type MachineBuildRequest = {
  readonly projectDir: string;
  /** The configuration exactly as it will be embedded (a file's text, or a fleet row's generated JSON). */
  readonly configText: string;
  readonly outDir: string;
  readonly target: BuildTarget;
  readonly electronDist?: string;
  readonly appDir?: string;
};

export type MachineBuildOutcome = {
  readonly machineNo: string;
  readonly outputDir: string;
  /** Files electron-builder produced (empty for `dir`, whose result is `unpackedDir`). */
  readonly artifacts: readonly string[];
  readonly unpackedDir: string;
};

export type BuilderRunner = typeof runElectronBuilder;

/** The compiled app must exist before packaging; a missing part means `npm run build` was not run. */
const missingAppParts = (appDir: string): string[] =>
  ['main', 'preload', 'renderer']
    .filter((part) => !existsSync(join(appDir, part)))
    .map((part) => `${join(appDir, part)} is missing: run \`npm run build\` first`);

/**
 * Builds one machine's package: validates its configuration, embeds it as resources/machine.json, names the
 * output after the machine number, and checks the result holds the app and no credential file.
 */
export const buildMachinePackage = async (
  request: MachineBuildRequest,
  runBuilder: BuilderRunner = runElectronBuilder,
  base: Configuration = electronBuilderConfig,
): Promise<Result<MachineBuildOutcome, string[]>> => {
  const parsed = parseMachineConfig(request.configText);
  if (!parsed.ok) return err(parsed.error.map(problemLine));
  const machineNo = parsed.value.machineNo;
  const appDir = request.appDir ?? join(request.projectDir, 'out');
  const missing = missingAppParts(appDir);
  if (missing.length > 0) return err(missing);

  // Staged outside the project so the embedded file is exactly the text that was validated.
  const staging = await mkdtemp(join(tmpdir(), `pickup-kiosk-${machineNo}-`));
  try {
    const configFile = join(staging, 'machine.json');
    await writeFile(configFile, request.configText, 'utf8');
    const config = machineBuilderConfig(base, { ...request, machineNo, configFile, appDir });
    const built = await runBuilder(request.projectDir, config, request.target);
    if (!built.ok) return err([`electron-builder: ${built.error}`]);
    const outputDir = machineOutputDir(request.outDir, machineNo);
    const unpackedDir = join(outputDir, `${targetPlatform(request.target)}-unpacked`);
    const verified = await verifyUnpackedPackage(unpackedDir, { configText: request.configText, appDir });
    if (!verified.ok) return err(verified.error);
    return ok({ machineNo, outputDir, artifacts: built.value, unpackedDir });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
};
