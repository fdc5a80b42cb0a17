export type StopSignal = {
  /** Resolves on the first SIGINT or SIGTERM. */
  readonly stopped: Promise<void>;
  /** Takes the listeners off again, so a command that ended by itself leaves the process as it found it. */
  dispose(): void;
};

/** Ctrl-C or a service stop ends a long-running command cleanly instead of killing it mid-write. */
export const stopSignal = (): StopSignal => {
  let onSignal = (): void => undefined;
  const stopped = new Promise<void>((resolve) => {
    onSignal = () => {
      resolve();
    };
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    stopped,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
};
