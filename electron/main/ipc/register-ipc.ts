import { eventChannels, type EventName } from '../../contract/channels';
import type { EventPayload } from '../../contract/api';
import type { IpcDispatcher, IpcSender } from './create-ipc-dispatcher';

/** The parts of ipcMain and an invoke event that registration needs. */
export type InvokeEventLike = {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly mainFrame: unknown };
};
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export const senderOf = (event: InvokeEventLike): IpcSender => ({
  url: event.senderFrame?.url ?? '',
  isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
});

/** One handler per channel, all through the dispatcher. Returns a function that removes them. */
export const registerIpc = (ipcMain: IpcMainLike, dispatcher: IpcDispatcher): (() => void) => {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, input) => dispatcher.dispatch(channel, senderOf(event), input));
  }
  return () => {
    dispatcher.channels.forEach((channel) => {
      ipcMain.removeHandler(channel);
    });
  };
};

export type EventSink = { send(channel: string, payload: unknown): void; isDestroyed(): boolean };
export type EventSource = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Forwards the core's events to the window, typed by the contract; a closed window is simply skipped. */
export const forwardEvents = (source: EventSource, sink: EventSink): (() => void) => {
  const offs = (Object.keys(eventChannels) as EventName[]).map((event) =>
    source.on(event, (payload) => {
      if (!sink.isDestroyed()) sink.send(eventChannels[event], payload);
    }),
  );
  return () => {
    offs.forEach((off) => {
      off();
    });
  };
};
