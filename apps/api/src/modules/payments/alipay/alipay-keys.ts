import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Keys as operators paste them: a PEM block (PKCS#1 or PKCS#8; newlines possibly written as "\n"
 * in an environment file), or the bare base64 that Alipay's key tool shows. Each is read into a
 * key object here, so that a key of the wrong kind or format fails at boot with its variable's
 * name, not inside the SDK at the first payment.
 */

const MIN_RSA_BITS = 2048;

function unescape(text: string): string {
  return text.replace(/\\n/g, '\n').trim();
}

function isPem(text: string): boolean {
  return text.startsWith('-----BEGIN ');
}

function bareDer(text: string, name: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new Error(`${name} is neither a PEM block nor base64`);
  return Buffer.from(compact, 'base64');
}

function requireRsa2048(key: KeyObject, name: string): KeyObject {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) {
    throw new Error(`${name} must be an RSA key of at least ${MIN_RSA_BITS} bits (Alipay's RSA2), got ${key.asymmetricKeyType ?? 'unknown'} ${bits || ''}`.trim());
  }
  return key;
}

/** The application's private key, whichever way it was written. */
export function readPrivateKey(text: string, name = 'ALIPAY_PRIVATE_KEY'): KeyObject {
  const raw = unescape(text);
  if (isPem(raw)) return requireRsa2048(firstThatReads([() => createPrivateKey(raw)], name, 'private'), name);
  const der = bareDer(raw, name);
  const key = firstThatReads(
    [() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), () => createPrivateKey({ key: der, format: 'der', type: 'pkcs1' })],
    name,
    'private',
  );
  return requireRsa2048(key, name);
}

/** Alipay's public key, whichever way it was written (Alipay shows it as bare base64 of SPKI). */
export function readPublicKey(text: string, name = 'ALIPAY_PUBLIC_KEY'): KeyObject {
  const raw = unescape(text);
  // node would derive a public key from a private one; a private key here is a pasting mistake
  if (raw.includes('PRIVATE KEY')) throw new Error(`${name} must be Alipay's public key, not a private key`);
  if (isPem(raw)) return requireRsa2048(firstThatReads([() => createPublicKey(raw)], name, 'public'), name);
  const der = bareDer(raw, name);
  const key = firstThatReads(
    [() => createPublicKey({ key: der, format: 'der', type: 'spki' }), () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' })],
    name,
    'public',
  );
  return requireRsa2048(key, name);
}

function firstThatReads(attempts: (() => KeyObject)[], name: string, kind: 'private' | 'public'): KeyObject {
  let last: unknown;
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`${name} is not a readable ${kind} key (${(last as Error).message})`);
}

/** PEM text of a private key in PKCS#8, the form the SDK is told to expect. */
export function pkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** PEM text of a public key in SPKI. */
export function spkiPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
