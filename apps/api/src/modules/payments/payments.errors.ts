import { type CodesOf, defineErrors } from '../../common/errors';

export const PAYMENTS_ERRORS = defineErrors({
  'payments/method-unavailable': ['该卖家暂不支持这种付款方式', 'This seller does not take this way of paying', 400],
  'payments/bank-account-invalid': ['请填写开户名称、开户银行（各 2 到 50 个字）和 8 到 34 位账号', 'Give the account name and bank (2 to 50 characters each) and an account number of 8 to 34 digits or letters', 400],
  'payments/alipay-unavailable': ['平台暂未开通支付宝付款', 'Paying with Alipay is not available on this platform', 400],
  'payments/alipay-failed': ['支付宝暂时无法处理该请求，请稍后再试', 'Alipay could not handle the request just now; please try again later', 502],
  'payments/not-alipay-order': ['该订单不是支付宝付款，不能用支付宝支付', 'This order is not paid with Alipay', 409],
  'payments/payment-window-closed': ['付款时间已过，订单即将取消', 'The time to pay this order has run out', 409],
  'payments/statement-period-invalid': ['对账期间须为 YYYY-MM-DD 格式的起止日期，且不超过 366 天', 'Give the statement period as start and end dates (YYYY-MM-DD), at most 366 days apart', 400],
  'payments/statement-too-large': ['该期间的流水过多，请缩短对账期间', 'This period has too many entries; choose a shorter one', 400],
  'payments/payout-amount-invalid': ['结算金额须为正整数（分），且不超过应付余额', 'The payout must be a positive whole number of fen, at most the balance owed', 400],
  'payments/payout-reference-invalid': ['请填写 2 到 50 个字的转账流水号或说明', 'Give the transfer reference in 2 to 50 characters', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof PAYMENTS_ERRORS> {}
}
