import { type CodesOf, defineErrors } from '../../common/errors';

export const LOGISTICS_ERRORS = defineErrors({
  'logistics/area-not-served': ['卖家不配送到该地区', 'The seller does not deliver to this area', 400],
  'logistics/template-invalid': ['运费模板无效', 'Invalid shipping template', 400],
  'logistics/station-unknown': ['服务站不存在', 'No such service station', 400],
  'logistics/station-invalid': ['服务站名称须为 2 到 30 个字，地址 2 到 100 个字', 'Station names need 2 to 30 characters and addresses 2 to 100', 400],
  'logistics/shipment-invalid': ['请填写快递公司和运单号，或选择自行配送', 'Give a carrier and tracking number, or choose own delivery', 400],
  'logistics/partner-unknown': ['物流合作方不存在或未认证', 'No such verified logistics partner', 400],
  'logistics/tracking-invalid': ['物流信息须为 1 到 100 个字，地点不超过 30 个字', 'Tracking notes need 1 to 100 characters and places at most 30', 400],
  'webhook/signature-invalid': ['签名无效或已过期', 'The signature is missing, wrong or expired', 401],
  'webhook/replayed': ['该推送已处理过', 'This delivery was already received', 409],
  'webhook/payload-invalid': ['推送内容格式不正确', 'The pushed events are malformed', 400],
  'webhook/not-configured': ['未配置物流推送密钥', 'Carrier pushes are not configured', 404],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof LOGISTICS_ERRORS> {}
}
