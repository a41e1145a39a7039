import { type CodesOf, defineErrors } from '../../common/errors';

export const CATALOG_ERRORS = defineErrors({
  'catalog/channel-unknown': ['未知的频道', 'Unknown channel', 400],
  'catalog/channel-code-invalid': ['频道代码须为 2–20 位小写字母', 'Channel codes are 2–20 lowercase letters', 400],
  'catalog/channel-exists': ['频道已存在', 'This channel already exists', 409],
  'catalog/schema-invalid': ['属性定义无效', 'Invalid attribute schema', 400],
  'catalog/channel-name-invalid': ['频道名称需 1 到 20 个字（英文 1 到 40 个字符），简介不超过 500 字', 'Channel names need 1 to 20 Chinese or 1 to 40 English characters; descriptions at most 500', 400],
  'catalog/category-name-invalid': ['品类名称需 1 到 30 个字（英文 1 到 60 个字符）', 'Category names need 1 to 30 Chinese or 1 to 60 English characters', 400],
  'catalog/category-unknown': ['该频道下没有此品类', 'No such category in this channel', 400],
  'catalog/attributes-invalid': ['商品属性不符合频道要求', 'Attributes do not match the channel schema', 400],
  'catalog/title-invalid': ['标题需 4 到 60 个字', 'Titles need 4 to 60 characters', 400],
  'catalog/description-invalid': ['描述不能超过 5000 字', 'Descriptions are at most 5000 characters', 400],
  'catalog/unit-unknown': ['未知的计量单位', 'Unknown unit', 400],
  'catalog/price-tiers-invalid': ['价格阶梯无效：1 到 10 档，价格须为正，起订量递增且价格不升', 'Invalid price tiers: 1 to 10 tiers, positive prices, rising quantities, prices that never rise', 400],
  'catalog/quantity-invalid': ['最小起订量须为 1 以上的整数', 'The minimum order must be a whole number of at least 1', 400],
  'catalog/stock-invalid': ['库存须为非负整数', 'Stock must be a whole number of zero or more', 400],
  'catalog/stock-below-minimum': ['库存少于最小起订量，买家无法下单；请补足库存或降低起订量（库存为 0 即为售罄）', 'Stock is below the minimum order, so nobody could buy it; add stock or lower the minimum (stock 0 means sold out)', 400],
  'catalog/stock-insufficient': ['库存不足', 'Not enough stock', 409],
  'catalog/certification-unknown': ['未知的认证类型', 'Unknown certification', 400],
  'catalog/listing-not-found': ['商品不存在', 'Listing not found', 404],
  'catalog/query-too-long': ['搜索词不能超过 100 个字', 'Search words are at most 100 characters', 400],
  'catalog/status-transition': ['当前状态不能进行此操作', 'This change is not allowed in the current status', 400],
  'catalog/image-unknown': ['图片不存在或不属于本组织', 'Image not found or not owned by this organisation', 400],
  'catalog/too-many-images': ['最多 9 张图片', 'At most 9 images', 400],
  'upload/too-large': ['图片不能超过 5 MB', 'Images must be 5 MB or smaller', 413],
  'upload/not-image': ['只能上传完整的 JPEG、PNG 或 WebP 图片', 'Only complete JPEG, PNG or WebP images can be uploaded', 400],
  'upload/missing-file': ['没有收到文件', 'No file was received', 400],
  'upload/malformed': ['上传内容不完整或格式有误，请重新上传', 'The upload was cut off or malformed; please send it again', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof CATALOG_ERRORS> {}
}
