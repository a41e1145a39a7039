import { GraphQLError } from 'graphql';

/**
 * One catalogue of failures a user can cause, shaped `domain/reason`. Each carries the message
 * in Chinese and English; the API returns `code`, `messageZh` and `messageEn` in the error's extensions.
 */
export const ERRORS = {
  'auth/unauthenticated': ['请先登录', 'Please log in first'],
  'auth/forbidden': ['无权执行此操作', 'You are not allowed to do this'],
  'auth/invalid-credentials': ['手机号或密码错误', 'Wrong phone number or password'],
  'auth/rate-limited': ['尝试次数过多，请稍后再试', 'Too many attempts, please try again later'],
  'auth/invalid-refresh-token': ['登录已失效，请重新登录', 'Your session has ended, please log in again'],
  'auth/phone-invalid': ['请输入有效的中国大陆手机号', 'Enter a valid mainland China mobile number'],
  'auth/phone-taken': ['该手机号已注册', 'This phone number is already registered'],
  'auth/password-weak': ['密码至少 8 位，且需包含字母和数字', 'Passwords need at least 8 characters with letters and digits'],
  'auth/name-invalid': ['请输入 1 到 40 个字的姓名', 'Enter a name of 1 to 40 characters'],
  'org/description-invalid': ['组织简介不能超过 2000 字', 'Organisation descriptions are at most 2000 characters'],
  'org/contact-name-invalid': ['联系人姓名需 1 到 40 个字', 'Contact names need 1 to 40 characters'],
  'org/reason-invalid': ['原因不能超过 500 字', 'Reasons are at most 500 characters'],
  'org/uscc-invalid': ['统一社会信用代码无效（需 18 位且校验位正确）', 'Invalid unified social credit code (18 characters with a valid check character)'],
  'org/uscc-taken': ['该统一社会信用代码已被登记', 'This unified social credit code is already registered'],
  'org/name-invalid': ['请输入 2 到 60 个字的组织名称', 'Enter an organisation name of 2 to 60 characters'],
  'org/not-found': ['组织不存在', 'Organisation not found'],
  'org/user-not-found': ['该手机号尚未注册，请对方先注册账号', 'No account uses this number yet; ask them to sign up first'],
  'org/member-not-found': ['该用户不是本组织成员', 'This user is not a member of the organisation'],
  'org/member-exists': ['该用户已是成员', 'This user is already a member'],
  'org/last-owner': ['组织至少需要一名所有者', 'An organisation needs at least one owner'],
  'org/reason-required': ['拒绝认证时请填写原因', 'Give a reason when refusing verification'],
  'org/not-verified': ['组织尚未通过认证', 'The organisation is not verified yet'],
  'geo/county-required': ['请选择所在县（区、市）', 'Choose the county'],
  'geo/county-unknown': ['未知的县（区、市）代码', 'Unknown county code'],
  'catalog/channel-unknown': ['未知的频道', 'Unknown channel'],
  'catalog/channel-code-invalid': ['频道代码须为 2–20 位小写字母', 'Channel codes are 2–20 lowercase letters'],
  'catalog/channel-exists': ['频道已存在', 'This channel already exists'],
  'catalog/schema-invalid': ['属性定义无效', 'Invalid attribute schema'],
  'catalog/channel-name-invalid': ['频道名称需 1 到 20 个字（英文 1 到 40 个字符），简介不超过 500 字', 'Channel names need 1 to 20 Chinese or 1 to 40 English characters; descriptions at most 500'],
  'catalog/category-name-invalid': ['品类名称需 1 到 30 个字（英文 1 到 60 个字符）', 'Category names need 1 to 30 Chinese or 1 to 60 English characters'],
  'catalog/category-unknown': ['该频道下没有此品类', 'No such category in this channel'],
  'catalog/attributes-invalid': ['商品属性不符合频道要求', 'Attributes do not match the channel schema'],
  'catalog/title-invalid': ['标题需 4 到 60 个字', 'Titles need 4 to 60 characters'],
  'catalog/description-invalid': ['描述不能超过 5000 字', 'Descriptions are at most 5000 characters'],
  'catalog/unit-unknown': ['未知的计量单位', 'Unknown unit'],
  'catalog/price-tiers-invalid': ['价格阶梯无效：1 到 10 档，价格须为正，起订量递增且价格不升', 'Invalid price tiers: 1 to 10 tiers, positive prices, rising quantities, prices that never rise'],
  'catalog/quantity-invalid': ['最小起订量须为 1 以上的整数', 'The minimum order must be a whole number of at least 1'],
  'catalog/stock-invalid': ['库存须为非负整数', 'Stock must be a whole number of zero or more'],
  'catalog/stock-below-minimum': ['库存少于最小起订量，买家无法下单；请补足库存或降低起订量（库存为 0 即为售罄）', 'Stock is below the minimum order, so nobody could buy it; add stock or lower the minimum (stock 0 means sold out)'],
  'catalog/certification-unknown': ['未知的认证类型', 'Unknown certification'],
  'catalog/listing-not-found': ['商品不存在', 'Listing not found'],
  'catalog/query-too-long': ['搜索词不能超过 100 个字', 'Search words are at most 100 characters'],
  'catalog/status-transition': ['当前状态不能进行此操作', 'This change is not allowed in the current status'],
  'catalog/image-unknown': ['图片不存在或不属于本组织', 'Image not found or not owned by this organisation'],
  'catalog/too-many-images': ['最多 9 张图片', 'At most 9 images'],
  'upload/too-large': ['图片不能超过 5 MB', 'Images must be 5 MB or smaller'],
  'upload/not-image': ['只能上传完整的 JPEG、PNG 或 WebP 图片', 'Only complete JPEG, PNG or WebP images can be uploaded'],
  'upload/missing-file': ['没有收到文件', 'No file was received'],
  'upload/malformed': ['上传内容不完整或格式有误，请重新上传', 'The upload was cut off or malformed; please send it again'],
  'input/invalid-text': ['文字中含有不允许的字符（控制字符，或单行内容中的换行）', 'The text contains characters that are not allowed (control characters, or line breaks in a one-line field)'],
  'input/invalid-cursor': ['分页游标无效', 'Invalid page cursor'],
  'input/too-large': ['请求内容过多或嵌套过深', 'The request has too many values or nests them too deeply'],
  'request/invalid': ['请求格式不正确', 'The request is malformed'],
  'request/not-found': ['页面不存在', 'Not found'],
  'request/page-size': ['每页最多 100 条', 'At most 100 items per page'],
  'request/too-complex': ['查询过于复杂', 'The query is too complex'],
  'internal/error': ['服务器内部错误，请稍后再试', 'Something went wrong on our side, please try again'],
} as const satisfies Record<string, readonly [string, string]>;

export type ErrorCode = keyof typeof ERRORS;

/** A failure the user caused or can fix. Thrown from services; never carries internals. */
export class DomainError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    const [zh, en] = ERRORS[code];
    super(`${zh} / ${en}`, {
      extensions: { code, messageZh: zh, messageEn: en, ...(details ? { details } : {}) },
    });
    this.code = code;
  }

  /** The body a plain HTTP endpoint answers with (GraphQL carries the same fields in `extensions`). */
  toBody(): { code: ErrorCode; messageZh: string; messageEn: string; details?: unknown } {
    const { messageZh, messageEn, details } = this.extensions as { messageZh: string; messageEn: string; details?: unknown };
    return { code: this.code, messageZh, messageEn, ...(details ? { details } : {}) };
  }

  get httpStatus(): number {
    if (this.code === 'auth/unauthenticated') return 401;
    if (this.code === 'auth/forbidden') return 403;
    if (this.code === 'auth/rate-limited') return 429;
    if (this.code.endsWith('not-found')) return 404;
    return 400;
  }
}
