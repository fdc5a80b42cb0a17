import type { EventName, EventPayload } from '../contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** A tiny typed event hub for the core's outgoing events; the shell forwards them to the window. */
export class KioskEvents {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as Listener<E>)(payload);
  }
}
