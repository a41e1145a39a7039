declare module '../events/domain-events' {
  interface EventPayloads {
    'trade.request-posted': { requestId: string; buyerId: string; channel: string };
    'trade.quote-made': { requestId: string; quoteId: string; buyerId: string; sellerId: string };
    'trade.quote-accepted': { requestId: string; quoteId: string; buyerId: string; sellerId: string };
  }
}

export {};
