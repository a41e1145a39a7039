/**
 * The kinds of notification the platform sends, with the names users see in their settings.
 * Later modules add theirs here (price alerts, orders, shipments).
 */
export const NOTIFICATION_KINDS = {
  'organisation-verified': { zh: '组织通过认证', en: 'Organisation verified' },
  'organisation-rejected': { zh: '组织认证未通过', en: 'Organisation verification refused' },
  'organisation-suspended': { zh: '组织被暂停', en: 'Organisation suspended' },
  'organisation-applied': { zh: '新组织待认证（管理员）', en: 'New organisation to verify (admins)' },
  'order-buyer': { zh: '我的订单进度', en: 'Progress of my orders' },
  'order-seller': { zh: '卖家：新订单与订单变化', en: 'Seller: new orders and changes' },
  'order-station': { zh: '服务站：即将到站的包裹', en: 'Station: parcels on their way' },
  'price-alert': { zh: '价格提醒', en: 'Price alerts' },
  'price-digest': { zh: '每日行情摘要', en: 'Daily price digest' },
  'trade-match': { zh: '求购与供应匹配', en: 'Purchase requests and listings that fit' },
  'trade-quote': { zh: '求购报价', en: 'Quotes on purchase requests' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** What a notification says, in both languages, and where it leads. */
export interface NotificationMessage {
  kind: NotificationKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link?: string;
}
