import { describe, expect, it } from 'vitest';
import { nextTradeStatus, refundRequestNo } from './alipay-trade-rules';

describe('Alipay trade states', () => {
  it('moves forward with the news', () => {
    expect(nextTradeStatus('CREATED', 'WAIT_BUYER_PAY', false)).toBe('WAIT_BUYER_PAY');
    expect(nextTradeStatus('WAIT_BUYER_PAY', 'TRADE_SUCCESS', false)).toBe('TRADE_SUCCESS');
    expect(nextTradeStatus('TRADE_SUCCESS', 'TRADE_FINISHED', false)).toBe('TRADE_FINISHED');
    expect(nextTradeStatus('WAIT_BUYER_PAY', 'TRADE_CLOSED', false)).toBe('TRADE_CLOSED');
  });

  it('never goes back when news comes out of order', () => {
    expect(nextTradeStatus('TRADE_FINISHED', 'TRADE_SUCCESS', false)).toBe('TRADE_FINISHED');
    expect(nextTradeStatus('TRADE_SUCCESS', 'WAIT_BUYER_PAY', false)).toBe('TRADE_SUCCESS');
    expect(nextTradeStatus('TRADE_SUCCESS', 'TRADE_CLOSED', false)).toBe('TRADE_SUCCESS');
  });

  it('closes a paid trade only once it was refunded in full, and takes a payment that raced the close', () => {
    expect(nextTradeStatus('TRADE_SUCCESS', 'TRADE_CLOSED', true)).toBe('TRADE_CLOSED');
    expect(nextTradeStatus('TRADE_CLOSED', 'TRADE_SUCCESS', false)).toBe('TRADE_SUCCESS');
    expect(nextTradeStatus('TRADE_CLOSED', 'TRADE_SUCCESS', true)).toBe('TRADE_CLOSED');
  });

  it('derives one refund number per trade', () => {
    expect(refundRequestNo('XN20261201000042')).toBe('XN20261201000042R1');
  });
});
