import { type CodesOf, defineErrors } from '../../common/errors';

export const ORDERING_ERRORS = defineErrors({
  'ordering/cart-empty': ['购物车是空的', 'The cart is empty', 400],
  'ordering/cart-too-large': ['一次最多结算 50 种商品', 'At most 50 different listings in one checkout', 400],
  'ordering/quantity-invalid': ['购买数量须为不少于起订量的整数', 'The quantity must be a whole number of at least the minimum order', 400],
  'ordering/stock-insufficient': ['库存不足，请减少数量', 'Not enough stock; please order fewer', 409],
  'ordering/listing-unavailable': ['商品已下架或卖家未认证，不能下单', 'This listing is not on sale, or its seller is not verified', 409],
  'ordering/own-listing': ['不能购买本组织的商品', 'You cannot buy from your own organisation', 400],
  'ordering/price-changed': ['价格或运费已变化，请确认新的金额后再下单', 'Prices or freight have changed; please confirm the new amount and order again', 409],
  'ordering/amount-too-large': ['单笔订单金额过大，请分批下单或线下签约', 'The order amount is too large; split the order or sign a contract offline', 400],
  'ordering/idempotency-key-invalid': ['下单请求缺少有效的幂等键', 'The checkout needs a valid idempotency key', 400],
  'ordering/idempotency-conflict': ['该下单请求已用于另一份购物车', 'This checkout key was already used for a different cart', 409],
  'ordering/recipient-invalid': ['收货人姓名须为 1 到 20 个字', 'The recipient name needs 1 to 20 characters', 400],
  'ordering/phone-invalid': ['请填写有效的手机号码', 'Please enter a valid mobile number', 400],
  'ordering/address-invalid': ['详细地址须为 2 到 100 个字', 'The address needs 2 to 100 characters', 400],
  'ordering/note-invalid': ['留言不能超过 100 个字', 'Notes are at most 100 characters', 400],
  'ordering/reason-invalid': ['请填写 1 到 100 个字的原因', 'Please give a reason of 1 to 100 characters', 400],
  'ordering/not-found': ['订单不存在', 'Order not found', 404],
  'ordering/transition-not-allowed': ['订单当前状态不能进行此操作', 'This order cannot do that in its current status', 409],
  'ordering/pickup-code-wrong': ['取件码不正确', 'The pickup code is wrong', 400],
  'ordering/review-invalid': ['评分须为 1 到 5 星，评语不超过 300 字', 'Ratings are 1 to 5 stars, comments at most 300 characters', 400],
  'ordering/review-exists': ['该订单已评价', 'This order has already been reviewed', 409],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof ORDERING_ERRORS> {}
}
