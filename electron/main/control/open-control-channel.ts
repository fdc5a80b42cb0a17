import { controlEndpoint } from '../../adapters/control-endpoint';
import { openControlServer, type ControlServer } from '../../adapters/control-socket';
import { MAX_CONTROL_LINE_BYTES } from '../../contract/control-schemas';
import type { Logger } from '../../core/ports/logger';
import type { CreatedRuntime } from '../../runtime/start-runtime';
import type { ControlTarget } from '../maintenance/wire-maintenance';
import { createControlHandler } from './control-commands';

/**
 * Opens the control channel `kioskctl kiosk …` talks to. It is a convenience beside the kiosk, never a reason
 * for it not to serve: a channel that cannot open (another process holds it, a folder of another user) is
 * logged and the kiosk runs without it.
 */
export const openControlChannel = async (
  userDataDir: string,
  target: ControlTarget,
  logger: Logger,
): Promise<ControlServer | null> => {
  const endpoint = controlEndpoint(userDataDir);
  try {
    const server = await openControlServer({
      endpoint,
      handle: createControlHandler(target, logger),
      logger,
      maxLineBytes: MAX_CONTROL_LINE_BYTES,
    });
    logger.info('kioskctl.listening', { endpoint });
    return server;
  } catch (e) {
    logger.error('kioskctl.unavailable', { endpoint, error: e instanceof Error ? e.message : 'non-error' });
    return null;
  }
};

/** The runtime, with the channel closed first when it stops: no command can reach a core that is going away. */
export const withControlChannel = (runtime: CreatedRuntime, channel: ControlServer | null): CreatedRuntime =>
  channel === null
    ? runtime
    : {
        ...runtime,
        async stop() {
          await channel.close();
          await runtime.stop();
        },
      };
