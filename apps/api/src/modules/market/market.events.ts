declare module '../events/domain-events' {
  interface EventPayloads {
    /** quotes were written by an import: subscriptions on what it brought are checked */
    'market.prices-imported': { importId: string; rows: number };
    /** platform trades made or changed the TRADE quotes of these commodities on these days */
    'market.trade-prices': { days: { commodityId: number; day: string }[] };
  }
}

export {};
