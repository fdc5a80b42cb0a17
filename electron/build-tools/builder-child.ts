import { BUILDER_EXIT, builderRequestSchema, type BuilderReply } from './builder-messages';
import { callElectronBuilder } from './electron-builder-call';

/**
 * The process electron-builder runs in (started by run-builder.ts): one request in over IPC, one reply out,
 * then an explicit exit with a code of its own. Exiting explicitly matters: electron-builder's temp-file
 * library registers async-exit-hook, whose `beforeExit` handler calls `process.exit(0)` whenever the event loop
 * runs dry, which would otherwise decide this process's exit code.
 */
const reply = (message: BuilderReply, code: number): void => {
  if (process.send === undefined) {
    process.stderr.write('builder-child: start me through run-builder.ts (no IPC channel)\n');
    process.exit(BUILDER_EXIT.badRequest);
  }
  process.send(message, () => process.exit(code));
};

const handle = async (message: unknown): Promise<void> => {
  const request = builderRequestSchema.safeParse(message);
  if (!request.success) {
    reply(
      { ok: false, error: 'the build process was sent a request it cannot read' },
      BUILDER_EXIT.badRequest,
    );
    return;
  }
  const { projectDir, config, target, arch } = request.data;
  // Built as a Configuration by machineBuilderConfig one process up; electron-builder validates it itself.
  const result = await callElectronBuilder(projectDir, config, target, arch);
  reply(result, result.ok ? BUILDER_EXIT.built : BUILDER_EXIT.failed);
};

process.once('message', (message: unknown) => {
  void handle(message);
});
