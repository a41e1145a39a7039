import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AlipaySettings } from '../../../config';
import { createAlipaySdk } from './alipay.client';
import { readPrivateKey, readPublicKey } from './alipay-keys';

const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const pkcs1 = app.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const bare = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
const alipayPublic = alipay.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const settings = (overrides: Partial<AlipaySettings> = {}): AlipaySettings => ({
  appId: '2021000000000001',
  privateKey: pkcs8,
  alipayPublicKey: alipayPublic,
  sellerId: '2088000000000001',
  gateway: 'http://127.0.0.1:9/gateway.do',
  notifyUrl: 'https://xn.example/api/payments/alipay/notify',
  ...overrides,
});

describe('Alipay keys', () => {
  it('reads the application key however it was pasted: PKCS#8 or PKCS#1 PEM, escaped newlines, bare base64', () => {
    const expected = app.privateKey.export({ type: 'pkcs8', format: 'der' });
    for (const text of [pkcs8, pkcs1, pkcs8.replace(/\n/g, '\\n'), bare(pkcs8), bare(pkcs1)]) {
      expect(readPrivateKey(text).export({ type: 'pkcs8', format: 'der' }).equals(expected)).toBe(true);
    }
  });

  it('reads Alipay’s public key as PEM or as the bare base64 Alipay shows', () => {
    const expected = alipay.publicKey.export({ type: 'spki', format: 'der' });
    expect(readPublicKey(alipayPublic).export({ type: 'spki', format: 'der' }).equals(expected)).toBe(true);
    expect(readPublicKey(bare(alipayPublic)).export({ type: 'spki', format: 'der' }).equals(expected)).toBe(true);
  });

  it('refuses keys the SDK cannot use, naming the setting', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => readPrivateKey('not a key!')).toThrow(/ALIPAY_PRIVATE_KEY is neither a PEM block nor base64/);
    expect(() => readPrivateKey(bare(pkcs8).slice(0, 200))).toThrow(/ALIPAY_PRIVATE_KEY is not a readable private key/);
    expect(() => readPrivateKey(ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/must be an RSA key/);
    expect(() => readPrivateKey(small.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(/at least 2048 bits/);
    expect(() => readPrivateKey(alipayPublic)).toThrow(/ALIPAY_PRIVATE_KEY is not a readable private key/);
    expect(() => readPublicKey(pkcs8)).toThrow(/must be Alipay's public key, not a private key/);
  });

  it('builds the SDK only when it can sign with the key, and not with the application’s own public key in Alipay’s place', () => {
    expect(createAlipaySdk(settings({ privateKey: bare(pkcs1) })).config.appId).toBe('2021000000000001');
    expect(() => createAlipaySdk(settings({ alipayPublicKey: app.publicKey.export({ type: 'spki', format: 'pem' }).toString() }))).toThrow(/application's own public key/);
    expect(() => createAlipaySdk(settings({ privateKey: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' }))).toThrow(/ALIPAY_PRIVATE_KEY/);
  });
});
