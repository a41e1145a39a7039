import { AlipaySdk } from 'alipay-sdk';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formFields, readNotification } from './alipay-notification';

const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const sdk = new AlipaySdk({
  appId: '2021000000000001',
  privateKey: app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  keyType: 'PKCS8',
  alipayPublicKey: alipay.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
});
const expected = { appId: '2021000000000001', sellerId: '2088000000000001', signatureValid: (f: Record<string, string>) => sdk.checkNotifySignV2(f) };

/** Signs as Alipay does: every field but sign and sign_type, sorted, raw values. */
function signed(fields: Record<string, string>, key: KeyObject = alipay.privateKey): Record<string, string> {
  const content = Object.keys(fields).filter((k) => k !== 'sign_type').sort().map((k) => `${k}=${fields[k]}`).join('&');
  return { ...fields, sign: createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64') };
}

const base = {
  notify_time: '2026-12-01 10:15:30', notify_type: 'trade_status_sync', notify_id: 'ac05099524730693a8b330c5ecf72da9786',
  app_id: '2021000000000001', charset: 'utf-8', version: '1.0', sign_type: 'RSA2', trade_no: '2026120122001467720500022137',
  out_trade_no: 'XN20261201000042', seller_id: '2088000000000001', trade_status: 'TRADE_SUCCESS', total_amount: '1234.50',
  subject: '湘农网订单 XN20261201000042', buyer_logon_id: 'csq***@sandbox.com',
};

describe('reading an Alipay notification', () => {
  it('takes a signed notification for this application and account, with its amount in fen', () => {
    const check = readNotification(signed(base), expected);
    expect(check).toEqual({
      ok: true,
      notification: {
        notifyId: base.notify_id, notifyTime: new Date('2026-12-01T02:15:30Z'), outTradeNo: base.out_trade_no, tradeNo: base.trade_no,
        tradeStatus: 'TRADE_SUCCESS', totalFen: 123_450, refundFen: null, outBizNo: null,
      },
    });
    // Chinese and '+' signs survive the form encoding the signature was made over
    const body = new URLSearchParams(signed({ ...base, subject: '安化黑茶 1+1 礼盒' })).toString();
    expect(readNotification(formFields(body)!, expected).ok).toBe(true);
  });

  it('refuses what was altered, signed by someone else, or meant for another application or account', () => {
    const good = signed(base);
    const reasons = (fields: Record<string, string>) => readNotification(fields, expected);
    expect(reasons({ ...good, total_amount: '1.00' })).toEqual({ ok: false, reason: 'signature' });
    expect(reasons({ ...good, extra: 'x' })).toEqual({ ok: false, reason: 'signature' });
    expect(reasons(signed(base, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey))).toEqual({ ok: false, reason: 'signature' });
    expect(reasons({ ...good, sign: '' })).toEqual({ ok: false, reason: 'unsigned' });
    expect(reasons(signed({ ...base, app_id: '2021000000000002' }))).toEqual({ ok: false, reason: 'app_id' });
    expect(reasons(signed({ ...base, seller_id: '2088000000000002' }))).toEqual({ ok: false, reason: 'seller_id' });
    expect(reasons(signed({ ...base, total_amount: '1234.505' }))).toEqual({ ok: false, reason: 'total_amount' });
    expect(reasons(signed({ ...base, trade_status: 'TRADE_PAID' }))).toEqual({ ok: false, reason: 'trade_status' });
    expect(reasons(signed({ ...base, notify_time: '2026-12-01T10:15:30' }))).toEqual({ ok: false, reason: 'notify_id or notify_time' });
  });

  it('reads the refund a notification reports', () => {
    const check = readNotification(signed({ ...base, refund_fee: '20.01', out_biz_no: 'XN20261201000042R1', gmt_refund: '2026-12-02 09:00:00.123' }), expected);
    expect(check.ok && check.notification).toMatchObject({ refundFen: 2001, outBizNo: 'XN20261201000042R1' });
  });

  it('reads each field of a form once, and refuses a body that gives one twice', () => {
    expect(formFields('a=1&b=%E8%8C%B6&c=1+2')).toEqual({ a: '1', b: '茶', c: '1 2' });
    expect(formFields('a=1&a=2')).toBeNull();
  });
});
