/**
 * The events modules publish, by type, with the payload each carries. The map starts empty: every
 * module declares its own events next to its code (TypeScript merges the declarations), so this
 * module knows none of them and nothing here changes when a module adds one:
 *
 *   declare module '../events/domain-events' {
 *     interface EventPayloads { 'listing.created': { listingId: string; … } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface EventPayloads {}

export type EventType = keyof EventPayloads & string;

/** An event to record: what happened, to which aggregate, with what details. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  /** the kind of thing it happened to, e.g. `listing`, and its id */
  aggregate: string;
  aggregateId: string;
  payload: EventPayloads[T];
}

/** An event as handlers receive it, after it was committed. */
export interface StoredEvent<T extends EventType = EventType> extends NewEvent<T> {
  id: string;
  createdAt: Date;
}
