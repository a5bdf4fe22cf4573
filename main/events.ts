// Events pushed from main to the renderer; each adapter forwards them over its own channel.
import type { EventName, Events } from '../domain/ipc/contract';

type Listener = (channel: EventName, payload: Events[EventName]) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<K extends EventName>(channel: K, payload: Events[K]): void {
    for (const listener of this.listeners) listener(channel, payload);
  }

  /** Subscribes to every channel; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
