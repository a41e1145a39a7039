import { type CodesOf, defineErrors } from '../../common/errors';

export const TRADE_ERRORS = defineErrors({
  'trade/not-buyer': ['只有采购方组织的成员可以发布求购', 'Only members of a buyer (采购方) organisation can post purchase requests', 403],
  'trade/request-invalid': ['求购信息有误：标题 2 到 60 个字，数量为正整数，价格区间合理，日期不早于今天且有效期不超过 90 天', 'Invalid request: a title of 2 to 60 characters, a positive quantity, a sensible price range, dates from today and at most 90 days of validity', 400],
  'trade/request-not-found': ['求购不存在', 'Purchase request not found', 404],
  'trade/request-closed': ['该求购已结束', 'This purchase request is no longer open', 409],
  'trade/quote-invalid': ['报价有误：单价和数量须为正整数，交货日期不早于今天，备注不超过 100 个字', 'Invalid quote: a positive price and quantity, a delivery date from today, a note of at most 100 characters', 400],
  'trade/quote-not-found': ['报价不存在', 'Quote not found', 404],
  'trade/quote-not-orderable': ['该报价不能下单：须为已采纳且未下过单的报价，商品与报价一致', 'This quote cannot be ordered: it must be accepted, not ordered yet, and for this listing', 409],
  'trade/own-request': ['不能给本组织的求购报价', 'You cannot quote on your own organisation’s request', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof TRADE_ERRORS> {}
}
