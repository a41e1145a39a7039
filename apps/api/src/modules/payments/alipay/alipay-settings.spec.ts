import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALIPAY_PRODUCTION_GATEWAY, loadConfig } from '../../../config';

const load = () => loadConfig({}, { command: true });
const VARIABLES = ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY', 'ALIPAY_SELLER_ID', 'ALIPAY_GATEWAY', 'ALIPAY_NOTIFY_URL', 'ALIPAY_PAYMENT_MINUTES', 'PLATFORM_COMMISSION_BPS'];
const COMPLETE = {
  ALIPAY_APP_ID: '2021000000000001',
  ALIPAY_PRIVATE_KEY: 'private',
  ALIPAY_PUBLIC_KEY: 'public',
  ALIPAY_SELLER_ID: '2088000000000001',
  ALIPAY_NOTIFY_URL: 'https://xn.example/api/payments/alipay/notify',
};

describe('Alipay settings (ALIPAY_*)', () => {
  beforeEach(() => {
    for (const name of VARIABLES) vi.stubEnv(name, '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('has no Alipay, no commission and 30 minutes to pay unless told otherwise', () => {
    expect(load()).toMatchObject({ alipay: undefined, platformCommissionBps: 0, alipayPaymentMinutes: 30 });
  });

  it('reads a complete set, with the production gateway by default', () => {
    for (const [name, value] of Object.entries(COMPLETE)) vi.stubEnv(name, value);
    expect(load().alipay).toEqual({
      appId: '2021000000000001', privateKey: 'private', alipayPublicKey: 'public', sellerId: '2088000000000001',
      gateway: ALIPAY_PRODUCTION_GATEWAY, notifyUrl: 'https://xn.example/api/payments/alipay/notify',
    });
  });

  it('refuses a partial or malformed set at start', () => {
    vi.stubEnv('ALIPAY_APP_ID', '2021000000000001');
    expect(load).toThrow(/missing ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY, ALIPAY_SELLER_ID, ALIPAY_NOTIFY_URL/);
    for (const [name, value] of Object.entries(COMPLETE)) vi.stubEnv(name, value);
    vi.stubEnv('ALIPAY_SELLER_ID', '1088000000000001');
    expect(load).toThrow(/ALIPAY_SELLER_ID/);
    vi.stubEnv('ALIPAY_SELLER_ID', COMPLETE.ALIPAY_SELLER_ID);
    vi.stubEnv('ALIPAY_NOTIFY_URL', '/api/payments/alipay/notify');
    expect(load).toThrow(/ALIPAY_NOTIFY_URL must be an http\(s\) URL/);
    for (const name of Object.keys(COMPLETE)) vi.stubEnv(name, '');
    vi.stubEnv('ALIPAY_GATEWAY', 'https://openapi-sandbox.dl.alipaydev.com/gateway.do');
    expect(load).toThrow(/ALIPAY_GATEWAY set without/);
  });

  it('takes a commission in basis points of at most the whole amount', () => {
    vi.stubEnv('PLATFORM_COMMISSION_BPS', '60');
    expect(load().platformCommissionBps).toBe(60);
    vi.stubEnv('PLATFORM_COMMISSION_BPS', '10001');
    expect(load).toThrow(/PLATFORM_COMMISSION_BPS/);
    vi.stubEnv('PLATFORM_COMMISSION_BPS', '0.5');
    expect(load).toThrow(/PLATFORM_COMMISSION_BPS/);
  });
});
