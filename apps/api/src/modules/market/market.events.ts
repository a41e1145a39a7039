declare module '../events/domain-events' {
  interface EventPayloads {
    /** quotes were written by an import: subscriptions on what it brought are checked */
    'market.prices-imported': { importId: string; rows: number };
  }
}

export {};
