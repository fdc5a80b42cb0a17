import type { Configuration } from 'electron-builder';
import { err, ok, type Result } from '../contract/result';
import { builderTarget, targetPlatform, type BuildArch, type BuildTarget } from './builder-config';

/**
 * Calls electron-builder's `build()` in the current process, for one target and architecture (for a deb: the
 * `dir` build it is made from). Only builder-child.ts calls this: loading electron-builder installs exit hooks
 * in the process that loads it (see run-builder.ts). Publishing is always off: a machine package carries that
 * machine's configuration and must never end up on a release server.
 */
export const callElectronBuilder = async (
  projectDir: string,
  config: Configuration,
  target: BuildTarget,
  arch: BuildArch,
): Promise<Result<string[], string>> => {
  try {
    const { build } = await import('electron-builder');
    const artifacts = await build({
      projectDir,
      config,
      publish: 'never',
      [targetPlatform(target)]: [builderTarget(target)],
      // Named, so the unpacked folder's name (linux-unpacked, linux-arm64-unpacked) is known in advance.
      x64: arch === 'x64',
      arm64: arch === 'arm64',
      armv7l: arch === 'armv7l',
    });
    return ok(artifacts);
  } catch (e) {
    return err(e instanceof Error ? (e.message.split('\n')[0] ?? 'electron-builder failed') : String(e));
  }
};
