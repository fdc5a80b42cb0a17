import type { Configuration } from 'electron-builder';
import { err, ok, type Result } from '../contract/result';
import { targetPlatform, type BuildTarget } from './builder-config';

/**
 * Runs electron-builder in this process for one target. Publishing is always off: a machine package carries
 * that machine's configuration and must never end up on a release server.
 */
export const runElectronBuilder = async (
  projectDir: string,
  config: Configuration,
  target: BuildTarget,
): Promise<Result<string[], string>> => {
  try {
    // Loaded on demand: every other kioskctl command would otherwise pay for importing electron-builder.
    const { build } = await import('electron-builder');
    const artifacts = await build({
      projectDir,
      config,
      publish: 'never',
      [targetPlatform(target)]: [target],
    });
    return ok(artifacts);
  } catch (e) {
    return err(e instanceof Error ? (e.message.split('\n')[0] ?? 'electron-builder failed') : String(e));
  }
};
