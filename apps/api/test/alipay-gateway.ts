import { createSign, createVerify, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlipaySettings } from '../src/config';

/**
 * A stand-in for Alipay's OpenAPI gateway on loopback (the real one cannot be reached from these
 * machines). It holds its own locally generated "Alipay" key pair and the application's, and
 * behaves as the gateway does where the platform depends on it: requests must carry a valid RSA2
 * signature of the application and a China-time timestamp; answers are signed with the Alipay key;
 * a QR code's trade exists only once scanned; refunds are once per request number; and it can
 * write the asynchronous notifications Alipay would send.
 */

export type DoubleTradeStatus = 'OPENED' | 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_FINISHED' | 'TRADE_CLOSED';

export interface DoubleTrade {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  timeExpire: string;
  notifyUrl: string | null;
  /** OPENED: a QR code or cashier page was handed out; Alipay has no trade until the buyer scans or logs in */
  status: DoubleTradeStatus;
  tradeNo: string;
  refunds: Map<string, number>;
}

const APP_ID = '2021000000000001';
const SELLER_ID = '2088000000000001';
const TOLERANCE_MS = 10 * 60_000;

const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject, kind: 'private' | 'public') => key.export(kind === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' }).toString();

/** Decimal yuan as the gateway reads it (at most two decimals), in fen. */
function fenOf(yuan: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m) throw new Error(`not an amount: ${yuan}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function yuanOf(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** Now, as Alipay writes times (China time, whatever this process's zone). */
export function chinaNow(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
}

function chinaToMs(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}+08:00`);
}

/** The content Alipay signs: every field but `sign` (and, for notifications, `sign_type`), sorted, raw values. */
function signedContent(fields: Record<string, string>, omit: readonly string[]): string {
  return Object.keys(fields)
    .filter((k) => !omit.includes(k) && fields[k] !== undefined)
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
}

export function rsaSign(content: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');
}

export class AlipayGatewayDouble {
  readonly appId = APP_ID;
  readonly sellerId = SELLER_ID;
  readonly alipayKeys = keyPair();
  readonly appKeys = keyPair();
  readonly trades = new Map<string, DoubleTrade>();
  /** every call the gateway accepted, with its biz_content */
  readonly calls: { method: string; biz: Record<string, string> }[] = [];
  /** requests it refused, and why */
  readonly refusals: string[] = [];
  /** set to sign answers with another key, as a forged gateway would */
  signAnswersWith: KeyObject | undefined;
  private server!: Server;
  url = '';

  static async start(): Promise<AlipayGatewayDouble> {
    const double = new AlipayGatewayDouble();
    double.server = createServer((request, response) => void double.handle(request, response));
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    double.url = `http://127.0.0.1:${(double.server.address() as AddressInfo).port}/gateway.do`;
    return double;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The platform's settings for this gateway: its app id and PID, the application's private key, Alipay's public key. */
  settings(overrides: Partial<AlipaySettings> = {}): AlipaySettings {
    return {
      appId: APP_ID,
      privateKey: pem(this.appKeys.privateKey, 'private'),
      alipayPublicKey: pem(this.alipayKeys.publicKey, 'public'),
      sellerId: SELLER_ID,
      gateway: this.url,
      notifyUrl: 'https://xiangnong.example/api/payments/alipay/notify',
      ...overrides,
    };
  }

  /** A buyer's browser opens a cashier link: the gateway checks the link's signature as it would. */
  async open(link: string): Promise<{ status: number; text: string }> {
    const response = await fetch(link);
    return { status: response.status, text: await response.text() };
  }

  /** The buyer scans the QR code or logs in on the cashier: Alipay now has a trade waiting for payment. */
  scan(outTradeNo: string): DoubleTrade {
    const trade = this.trade(outTradeNo);
    if (trade.status === 'OPENED') trade.status = 'WAIT_BUYER_PAY';
    return trade;
  }

  /** The buyer pays; Alipay takes no payment after the trade's time_expire or once it is closed. */
  pay(outTradeNo: string): DoubleTrade {
    const trade = this.scan(outTradeNo);
    if (trade.status !== 'WAIT_BUYER_PAY') throw new Error(`trade ${outTradeNo} is ${trade.status}`);
    if (Date.now() > chinaToMs(trade.timeExpire)) throw new Error(`trade ${outTradeNo} expired at ${trade.timeExpire}`);
    trade.status = 'TRADE_SUCCESS';
    return trade;
  }

  trade(outTradeNo: string): DoubleTrade {
    const trade = this.trades.get(outTradeNo);
    if (!trade) throw new Error(`the gateway never heard of ${outTradeNo}`);
    return trade;
  }

  refundedFen(outTradeNo: string): number {
    return [...this.trade(outTradeNo).refunds.values()].reduce((a, b) => a + b, 0);
  }

  /**
   * The notification Alipay would post about the trade, signed with the Alipay key (or `key`).
   * `fields` replace or add fields before signing; undefined removes one.
   */
  notification(outTradeNo: string, fields: Record<string, string | undefined> = {}, key: KeyObject = this.alipayKeys.privateKey): Record<string, string> {
    const trade = this.trade(outTradeNo);
    const base: Record<string, string | undefined> = {
      notify_time: chinaNow(),
      notify_type: 'trade_status_sync',
      notify_id: randomBytes(16).toString('hex'),
      app_id: APP_ID,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_id: '2088102177846880',
      buyer_logon_id: 'csq***@sandbox.com',
      seller_id: SELLER_ID,
      trade_status: trade.status === 'OPENED' ? 'WAIT_BUYER_PAY' : trade.status,
      total_amount: yuanOf(trade.amountFen),
      receipt_amount: yuanOf(trade.amountFen),
      subject: trade.subject,
      gmt_create: chinaNow(-60_000),
      gmt_payment: chinaNow(),
      ...fields,
    };
    const signed = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
    return { ...signed, sign: rsaSign(signedContent(signed, ['sign', 'sign_type']), key) };
  }

  // ── the gateway itself ───────────────────────────────────────────────────

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) params[k] = v;
    const problem = this.checkRequest(params);
    if (request.method === 'GET') {
      // a cashier link opened in a browser
      if (problem) return this.reply(response, 400, `<html>${problem}</html>`, 'text/html');
      this.opened(params);
      return this.reply(response, 200, '<html>支付宝收银台</html>', 'text/html');
    }
    const method = params.method ?? '';
    const body = problem ? { code: '40002', msg: 'Invalid Arguments', sub_code: problem, sub_msg: problem } : this.answer(method, JSON.parse(params.biz_content ?? '{}'), params);
    const inner = JSON.stringify(body);
    const sign = rsaSign(inner, this.signAnswersWith ?? this.alipayKeys.privateKey);
    this.reply(response, 200, `{"${method.replace(/\./g, '_')}_response":${inner},"sign":"${sign}"}`, 'application/json;charset=utf-8');
  }

  private reply(response: ServerResponse, status: number, text: string, type: string): void {
    response.writeHead(status, { 'content-type': type });
    response.end(text);
  }

  /** What the real gateway checks first: the app, the application's signature, a China-time timestamp near now. */
  private checkRequest(params: Record<string, string>): string | null {
    const refuse = (reason: string) => {
      this.refusals.push(reason);
      return reason;
    };
    if (params.app_id !== APP_ID) return refuse('isv.invalid-app-id');
    if (params.sign_type !== 'RSA2' || !params.sign) return refuse('isv.invalid-signature-type');
    const valid = createVerify('RSA-SHA256').update(signedContent(params, ['sign']), 'utf8').verify(this.appKeys.publicKey, params.sign, 'base64');
    if (!valid) return refuse('isv.invalid-signature');
    const at = chinaToMs(params.timestamp ?? '');
    if (!(Math.abs(at - Date.now()) <= TOLERANCE_MS)) return refuse(`isv.invalid-timestamp ${params.timestamp}`);
    return null;
  }

  /** A cashier page (page.pay / wap.pay) opened: the trade is known, not yet created. */
  private opened(params: Record<string, string>): void {
    const biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
    this.calls.push({ method: params.method!, biz });
    this.remember(biz, params.notify_url ?? null);
  }

  private remember(biz: Record<string, string>, notifyUrl: string | null): DoubleTrade | string {
    const amountFen = fenOf(biz.total_amount!);
    const known = this.trades.get(biz.out_trade_no!);
    if (known) return known.amountFen === amountFen ? known : 'ACQ.CONTEXT_INCONSISTENT';
    const trade: DoubleTrade = {
      outTradeNo: biz.out_trade_no!, amountFen, subject: biz.subject!, timeExpire: biz.time_expire!, notifyUrl,
      status: 'OPENED', tradeNo: `2026${randomBytes(10).toString('hex').replace(/[a-f]/g, '7')}`, refunds: new Map(),
    };
    this.trades.set(trade.outTradeNo, trade);
    return trade;
  }

  private answer(method: string, biz: Record<string, string>, params: Record<string, string>): Record<string, unknown> {
    this.calls.push({ method, biz });
    const ok = (fields: Record<string, unknown>) => ({ code: '10000', msg: 'Success', ...fields });
    const failed = (subCode: string) => ({ code: '40004', msg: 'Business Failed', sub_code: subCode, sub_msg: subCode });
    const existing = this.trades.get(biz.out_trade_no ?? '');
    const exists = existing && existing.status !== 'OPENED' ? existing : undefined;
    switch (method) {
      case 'alipay.trade.precreate': {
        const trade = this.remember(biz, params.notify_url ?? null);
        if (typeof trade === 'string') return failed(trade);
        return ok({ out_trade_no: trade.outTradeNo, qr_code: `https://qr.alipay.com/bax0${trade.tradeNo.slice(-12)}` });
      }
      case 'alipay.trade.query':
        if (!exists) return failed('ACQ.TRADE_NOT_EXIST');
        return ok({ trade_no: exists.tradeNo, out_trade_no: exists.outTradeNo, trade_status: exists.status, total_amount: yuanOf(exists.amountFen), buyer_logon_id: 'csq***@sandbox.com' });
      case 'alipay.trade.close':
        if (!exists) return failed('ACQ.TRADE_NOT_EXIST');
        if (exists.status !== 'WAIT_BUYER_PAY') return failed('ACQ.TRADE_STATUS_ERROR');
        exists.status = 'TRADE_CLOSED';
        return ok({ trade_no: exists.tradeNo, out_trade_no: exists.outTradeNo });
      case 'alipay.trade.refund': {
        if (!exists || !['TRADE_SUCCESS', 'TRADE_CLOSED'].includes(exists.status)) return failed(exists ? 'ACQ.TRADE_STATUS_ERROR' : 'ACQ.TRADE_NOT_EXIST');
        const amount = fenOf(biz.refund_amount!);
        const already = exists.refunds.get(biz.out_request_no!);
        if (already === undefined) {
          if (exists.status !== 'TRADE_SUCCESS' || amount > exists.amountFen - this.refundedFen(exists.outTradeNo)) return failed('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL');
          exists.refunds.set(biz.out_request_no!, amount);
          if (this.refundedFen(exists.outTradeNo) === exists.amountFen) exists.status = 'TRADE_CLOSED';
        }
        return ok({ trade_no: exists.tradeNo, out_trade_no: exists.outTradeNo, fund_change: already === undefined ? 'Y' : 'N', refund_fee: yuanOf(this.refundedFen(exists.outTradeNo)) });
      }
      case 'alipay.trade.fastpay.refund.query': {
        const amount = existing?.refunds.get(biz.out_request_no!);
        if (amount === undefined) return ok({ out_trade_no: biz.out_trade_no });
        return ok({ trade_no: existing!.tradeNo, out_trade_no: existing!.outTradeNo, out_request_no: biz.out_request_no, refund_amount: yuanOf(amount), total_amount: yuanOf(existing!.amountFen), refund_status: 'REFUND_SUCCESS' });
      }
      default:
        return { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: method };
    }
  }
}

/** A form body as Alipay posts it. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export { pem };
