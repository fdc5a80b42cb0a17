import { z } from 'zod';
import { BUILD_ARCHS, BUILD_TARGETS } from './builder-config';

/**
 * What kioskctl and its electron-builder process (builder-child.ts) say to each other over the IPC channel.
 * Both sides parse what they receive: a message from another process is data, not a promise of a shape.
 */
export const builderRequestSchema = z.strictObject({
  projectDir: z.string(),
  // electron-builder's own Configuration type is too large to restate; it was built by this repository's
  // code one process up, and electron-builder validates it again itself.
  config: z.record(z.string(), z.unknown()),
  target: z.enum(BUILD_TARGETS),
  arch: z.enum(BUILD_ARCHS),
});
export type BuilderRequest = z.infer<typeof builderRequestSchema>;

export const builderReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.array(z.string()) }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type BuilderReply = z.infer<typeof builderReplySchema>;

/** Exit codes the build process sets itself (never left to whatever a library's exit hook would pick). */
export const BUILDER_EXIT = { built: 0, failed: 1, badRequest: 2 } as const;
