export * from './uscc';
export * from './units';
export * from './money';
export * from './phone';
export * from './price-tiers';
export * from './attribute-schema';
export * from './text';
export * from './market-quotes';
