import { cleanText, normalizeMobile, TEXT_RULES } from '@xiangnong/domain';
import { ApiError } from '../graphql/client';
import type { CartInput, DeliveryInput, PaymentMethod } from '../graphql/generated/graphql';
import type { CartLine } from './cart';
import { message, type Message } from './messages';
import { textMessage } from './textMessages';

/**
 * The checkout form's rules: what the buyer typed for delivery, checked as the API checks it; the
 * cart input sent for a quote and for placing; and the idempotency key of a checkout attempt.
 */

/** Ways to pay every seller takes; 支付宝 joins them while the platform has it configured (`paymentOptions`). */
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['BANK_TRANSFER', 'CASH_ON_DELIVERY'];
export const DEFAULT_PAYMENT_METHOD: PaymentMethod = 'BANK_TRANSFER';

export const offeredMethods = (alipay: boolean): readonly PaymentMethod[] => (alipay ? ['ALIPAY', ...PAYMENT_METHODS] : PAYMENT_METHODS);

export type DeliveryKind = 'ADDRESS' | 'STATION';

/** What the buyer typed and chose, as the form holds it. */
export interface DeliveryDraft {
  kind: DeliveryKind;
  /** the county of the address */
  countyCode: string;
  address: string;
  /** the county or prefecture whose stations are listed */
  areaCode: string;
  stationId: string;
  recipientName: string;
  recipientPhone: string;
  note: string;
}

export const emptyDeliveryDraft = (): DeliveryDraft => ({
  kind: 'STATION',
  countyCode: '',
  address: '',
  areaCode: '',
  stationId: '',
  recipientName: '',
  recipientPhone: '',
  note: '',
});

export const CHECKOUT_FIELDS = ['county', 'address', 'station', 'recipientName', 'recipientPhone', 'note'] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutErrors = Partial<Record<CheckoutField, Message>>;

export interface CheckedDelivery {
  delivery: DeliveryInput;
  note: string | null;
}

/** The form's problems, each on its field, or what to send. */
export function checkDelivery(draft: DeliveryDraft): { errors: CheckoutErrors; values: CheckedDelivery | null } {
  const errors: CheckoutErrors = {};
  if (draft.kind === 'STATION') {
    if (!draft.stationId) errors.station = message('checkout.stationRequired');
  } else {
    if (!draft.countyCode) errors.county = message('checkout.countyRequired');
    const address = textMessage(draft.address, TEXT_RULES.deliveryAddress, 'checkout.addressLength');
    if (address) errors.address = address;
  }
  const name = textMessage(draft.recipientName, TEXT_RULES.recipientName, 'checkout.recipientNameLength');
  if (name) errors.recipientName = name;
  const phone = normalizeMobile(draft.recipientPhone);
  if (!phone) errors.recipientPhone = message('auth.phoneInvalid');
  const note = textMessage(draft.note, TEXT_RULES.orderNote, 'checkout.noteLength');
  if (note) errors.note = note;
  if (Object.keys(errors).length > 0 || !phone) return { errors, values: null };
  const recipient = { recipientName: cleanText(draft.recipientName), recipientPhone: phone };
  const delivery: DeliveryInput =
    draft.kind === 'STATION' ? { ...recipient, stationId: draft.stationId } : { ...recipient, countyCode: draft.countyCode, address: cleanText(draft.address) };
  const cleanNote = cleanText(draft.note);
  return { errors, values: { delivery, note: cleanNote === '' ? null : cleanNote } };
}

/** Stands in for the address in a quote until the buyer has typed one: freight depends on the county only. */
const QUOTE_ADDRESS = '待填写地址';
const QUOTE_RECIPIENT = '收货人';

/**
 * The delivery a quote is asked for, or null while the place it goes to is not chosen. The API checks
 * a quote's recipient as it checks an order's, but prices it by the county or station alone, so the
 * quote stands in a name, an address and the buyer's own number (`viewerPhone`) for what is not
 * typed yet, and is not asked again as the buyer types them.
 */
export function quoteDelivery(draft: DeliveryDraft, viewerPhone: string): DeliveryInput | null {
  const recipient = { recipientName: QUOTE_RECIPIENT, recipientPhone: viewerPhone };
  if (draft.kind === 'STATION') return draft.stationId ? { ...recipient, stationId: draft.stationId } : null;
  return draft.countyCode ? { ...recipient, countyCode: draft.countyCode, address: QUOTE_ADDRESS } : null;
}

/** The cart input for these lines, delivery and payment (one method per seller, all named). */
export function cartInput(
  lines: readonly CartLine[],
  delivery: DeliveryInput,
  methods: Readonly<Record<string, PaymentMethod>>,
  note: string | null,
): CartInput {
  const sellers = [...new Set(lines.map((line) => line.card.sellerId))];
  return {
    lines: lines.map((line) => ({ listingId: line.listingId, quantity: line.quantity, ...(line.quoteId ? { quoteId: line.quoteId } : {}) })),
    delivery,
    paymentMethod: DEFAULT_PAYMENT_METHOD,
    sellerPaymentMethods: sellers.map((sellerId) => ({ sellerId, method: methods[sellerId] ?? DEFAULT_PAYMENT_METHOD })),
    note,
  };
}

const FIELD_OF_CODE: Record<string, CheckoutField> = {
  'ordering/recipient-invalid': 'recipientName',
  'ordering/phone-invalid': 'recipientPhone',
  'ordering/address-invalid': 'address',
  'ordering/note-invalid': 'note',
  'logistics/station-unknown': 'station',
  'geo/county-unknown': 'county',
  'geo/county-required': 'county',
};

/** The field of the checkout form an API refusal is about, with the API's words; null for the rest. */
export function checkoutErrorField(error: unknown, apiText: string): { field: CheckoutField; message: Message } | null {
  if (!(error instanceof ApiError)) return null;
  const field = FIELD_OF_CODE[error.code];
  return field ? { field, message: { text: apiText } } : null;
}

/** What a refusal of a quote or checkout names: a listing (stock, minimum, withdrawn) or a seller (area, payment method). */
export function refusalSubject(error: unknown): { listingId: string | null; sellerId: string | null } {
  const details = error instanceof ApiError && error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : {};
  return {
    listingId: typeof details.listingId === 'string' ? details.listingId : null,
    sellerId: typeof details.sellerId === 'string' ? details.sellerId : null,
  };
}
