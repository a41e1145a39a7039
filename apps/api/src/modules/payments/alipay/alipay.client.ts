import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlipaySdk, type AlipaySdkCommonResult } from 'alipay-sdk';
import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { DomainError } from '../../../common/errors';
import { APP_CONFIG, type AlipaySettings, type AppConfig } from '../../../config';
import { fenToYuan, yuanToFen } from './alipay-money';
import { pkcs8Pem, readPrivateKey, readPublicKey, spkiPem } from './alipay-keys';
import { type NotificationCheck, readNotification, TRADE_STATUSES, type TradeStatus } from './alipay-notification';
import { chinaTimestamp } from './china-time';

/** How a buyer pays: the cashier page on a computer, the phone browser's, or a QR code scanned with another phone. */
export type AlipayChannel = 'PAGE' | 'WAP' | 'QR';

export interface TradeRequest {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  /** Alipay refuses payment after this (time_expire) */
  expiresAt: Date;
  /** where the buyer's browser goes back to (page and phone channels) */
  returnUrl: string;
}

export interface TradeState {
  outTradeNo: string;
  /** NOT_EXIST: nobody has scanned the code or paid from the page yet */
  status: TradeStatus | 'NOT_EXIST';
  tradeNo: string | null;
  totalFen: number | null;
}

export interface RefundRequest {
  outTradeNo: string;
  amountFen: number;
  /** the refund's own number: asked again with it, Alipay refunds once */
  outRequestNo: string;
  reason: string;
}

/** Sub-codes Alipay answers for a trade that was never created (an unscanned QR code, an unopened page). */
const NOT_EXIST = 'ACQ.TRADE_NOT_EXIST';
const SUCCESS = '10000';

/**
 * Builds the SDK for the platform's application, keys read and normalised first, and signs a sample
 * request with it (the self-test), so that a key the SDK cannot use stops the process at boot
 * rather than failing the first payment.
 */
export function createAlipaySdk(settings: AlipaySettings): AlipaySdk {
  const privateKey = readPrivateKey(settings.privateKey);
  const ownPublicKey = createPublicKey(privateKey);
  const alipayPublicKey = readPublicKey(settings.alipayPublicKey);
  if (ownPublicKey.export({ type: 'spki', format: 'der' }).equals(alipayPublicKey.export({ type: 'spki', format: 'der' }))) {
    throw new Error("ALIPAY_PUBLIC_KEY is the application's own public key; it must be Alipay's public key for the application");
  }
  const sdk = new AlipaySdk({
    appId: settings.appId,
    privateKey: pkcs8Pem(privateKey),
    keyType: 'PKCS8',
    alipayPublicKey: spkiPem(alipayPublicKey),
    gateway: settings.gateway,
    signType: 'RSA2',
    camelcase: false,
    timeout: 10_000,
  });
  selfTest(sdk, ownPublicKey);
  return sdk;
}

/** Signs a sample request the way every call is signed, and checks the signature with the application's public key. */
function selfTest(sdk: AlipaySdk, ownPublicKey: KeyObject): void {
  const signed = new URLSearchParams(sdk.sdkExecute('alipay.trade.query', { timestamp: chinaTimestamp(new Date()), bizContent: { out_trade_no: 'SELF-TEST' } }));
  const signature = signed.get('sign');
  signed.delete('sign');
  const content = [...signed.keys()].sort().map((k) => `${k}=${signed.get(k)}`).join('&');
  if (!signature || !createVerify('RSA-SHA256').update(content, 'utf8').verify(ownPublicKey, signature, 'base64')) {
    throw new Error('ALIPAY_PRIVATE_KEY: the Alipay SDK could not sign a sample request with it');
  }
}

/**
 * The platform's Alipay application through `alipay-sdk`: payment links and QR codes, trade query,
 * close and refund, and the check of asynchronous notifications. It knows trades, not orders.
 * Every gateway answer is signature-checked by the SDK (validateSign) before it is read.
 */
@Injectable()
export class AlipayClient {
  private readonly logger = new Logger('Alipay');
  private readonly sdk: AlipaySdk | undefined;
  private readonly settings: AlipaySettings | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.alipay;
    if (this.settings) {
      this.sdk = createAlipaySdk(this.settings);
    }
  }

  /** Buyers are offered Alipay only when the platform's keys are configured. */
  get available(): boolean {
    return this.sdk !== undefined;
  }

  /** The desktop cashier page (alipay.trade.page.pay), as a link to open. */
  pagePayUrl(trade: TradeRequest): string {
    const { sdk, settings } = this.require();
    return sdk.pageExecute('alipay.trade.page.pay', 'GET', {
      timestamp: chinaTimestamp(new Date()),
      notifyUrl: settings.notifyUrl,
      returnUrl: trade.returnUrl,
      bizContent: { ...this.tradeContent(trade), product_code: 'FAST_INSTANT_TRADE_PAY' },
    });
  }

  /** The phone browser's cashier (alipay.trade.wap.pay), which hands over to the Alipay app. */
  wapPayUrl(trade: TradeRequest): string {
    const { sdk, settings } = this.require();
    return sdk.pageExecute('alipay.trade.wap.pay', 'GET', {
      timestamp: chinaTimestamp(new Date()),
      notifyUrl: settings.notifyUrl,
      returnUrl: trade.returnUrl,
      bizContent: { ...this.tradeContent(trade), product_code: 'QUICK_WAP_WAY', quit_url: trade.returnUrl },
    });
  }

  /** A QR code's content (alipay.trade.precreate) for a buyer who pays with another phone. */
  async precreate(trade: TradeRequest): Promise<string> {
    const { settings } = this.require();
    const result = await this.call('alipay.trade.precreate', this.tradeContent(trade), { notifyUrl: settings.notifyUrl });
    if (result.code !== SUCCESS || typeof result.qr_code !== 'string' || result.out_trade_no !== trade.outTradeNo) throw this.failed('alipay.trade.precreate', result);
    return result.qr_code;
  }

  /** The trade as Alipay has it now. */
  async query(outTradeNo: string): Promise<TradeState> {
    const result = await this.call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (result.sub_code === NOT_EXIST) return { outTradeNo, status: 'NOT_EXIST', tradeNo: null, totalFen: null };
    if (result.code !== SUCCESS || result.out_trade_no !== outTradeNo || !TRADE_STATUSES.includes(result.trade_status)) throw this.failed('alipay.trade.query', result);
    const totalFen = yuanToFen(result.total_amount);
    if (totalFen === null) throw this.failed('alipay.trade.query', result);
    return { outTradeNo, status: result.trade_status, tradeNo: String(result.trade_no ?? '') || null, totalFen };
  }

  /**
   * Closes an unpaid trade so that it can no longer be paid. A trade that was never created needs
   * no closing; one that was paid meanwhile cannot be closed, and the answer says so.
   */
  async close(outTradeNo: string): Promise<'CLOSED' | 'NOT_EXIST' | 'NOT_CLOSABLE'> {
    const result = await this.call('alipay.trade.close', { out_trade_no: outTradeNo });
    if (result.code === SUCCESS) return 'CLOSED';
    if (result.sub_code === NOT_EXIST) return 'NOT_EXIST';
    if (result.sub_code === 'ACQ.TRADE_STATUS_ERROR') return 'NOT_CLOSABLE';
    throw this.failed('alipay.trade.close', result);
  }

  /**
   * Refunds `amountFen` of a paid trade under the refund's own number. Asked again with the same
   * number, Alipay does not refund again (fund_change N); the refund query then confirms the
   * earlier one. Returns the amount this refund number refunded, once Alipay confirms it.
   */
  async refund(refund: RefundRequest): Promise<number> {
    const result = await this.call('alipay.trade.refund', {
      out_trade_no: refund.outTradeNo,
      refund_amount: fenToYuan(refund.amountFen),
      out_request_no: refund.outRequestNo,
      refund_reason: refund.reason.slice(0, 80),
    });
    if (result.code !== SUCCESS || result.out_trade_no !== refund.outTradeNo) throw this.failed('alipay.trade.refund', result);
    if (result.fund_change === 'Y') return refund.amountFen;
    return this.refunded(refund.outTradeNo, refund.outRequestNo);
  }

  /** What a refund number refunded (alipay.trade.fastpay.refund.query), when Alipay reports it done. */
  async refunded(outTradeNo: string, outRequestNo: string): Promise<number> {
    const result = await this.call('alipay.trade.fastpay.refund.query', { out_trade_no: outTradeNo, out_request_no: outRequestNo, query_options: ['gmt_refund_pay'] });
    const amount = yuanToFen(result.refund_amount);
    if (result.code !== SUCCESS || result.refund_status !== 'REFUND_SUCCESS' || result.out_request_no !== outRequestNo || amount === null) {
      throw this.failed('alipay.trade.fastpay.refund.query', result);
    }
    return amount;
  }

  /** Checks an asynchronous notification: the SDK's signature check, then the fields (see readNotification). */
  readNotification(fields: Record<string, string>): NotificationCheck {
    if (!this.sdk || !this.settings) return { ok: false, reason: 'Alipay is not configured' };
    const sdk = this.sdk;
    return readNotification(fields, {
      appId: this.settings.appId,
      sellerId: this.settings.sellerId,
      signatureValid: (signed) => {
        try {
          return sdk.checkNotifySignV2(signed);
        } catch {
          return false; // a signature that is not even base64 of the right length
        }
      },
    });
  }

  private tradeContent(trade: TradeRequest): Record<string, string> {
    return {
      out_trade_no: trade.outTradeNo,
      total_amount: fenToYuan(trade.amountFen),
      subject: trade.subject.slice(0, 128),
      time_expire: chinaTimestamp(trade.expiresAt),
    };
  }

  /** One gateway call, its answer's signature checked; a transport or signature failure is a typed error. */
  private async call(method: string, bizContent: Record<string, unknown>, extra: Record<string, string> = {}): Promise<AlipaySdkCommonResult> {
    const { sdk } = this.require();
    try {
      return await sdk.exec(method, { timestamp: chinaTimestamp(new Date()), ...extra, bizContent }, { validateSign: true });
    } catch (error) {
      this.logger.warn(`${method} failed: ${(error as Error).message.slice(0, 300)}`);
      throw new DomainError('payments/alipay-failed', { method });
    }
  }

  private failed(method: string, result: AlipaySdkCommonResult): DomainError {
    this.logger.warn(`${method} answered ${result.code} ${result.sub_code ?? ''} ${result.sub_msg ?? result.msg ?? ''}`);
    return new DomainError('payments/alipay-failed', { method, code: result.code, subCode: result.sub_code ?? null });
  }

  private require(): { sdk: AlipaySdk; settings: AlipaySettings } {
    if (!this.sdk || !this.settings) throw new DomainError('payments/alipay-unavailable');
    return { sdk: this.sdk, settings: this.settings };
  }
}

