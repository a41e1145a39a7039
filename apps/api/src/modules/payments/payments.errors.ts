import { type CodesOf, defineErrors } from '../../common/errors';

export const PAYMENTS_ERRORS = defineErrors({
  'payments/method-unavailable': ['该卖家暂不支持这种付款方式', 'This seller does not take this way of paying', 400],
  'payments/bank-account-invalid': ['请填写开户名称、开户银行（各 2 到 50 个字）和 8 到 34 位账号', 'Give the account name and bank (2 to 50 characters each) and an account number of 8 to 34 digits or letters', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof PAYMENTS_ERRORS> {}
}
