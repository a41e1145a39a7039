// Generated from apps/api/schema.graphql by packages/graphql-types/scripts/generate.mjs. Do not edit.

export interface AddMemberInput {
  organisationId: string;
  phone: string;
  role: MemberRole;
}

/** 登录凭据 / Tokens after sign-up, login or refresh */
export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  /** Opaque; send it to refreshSession once. It is replaced at every refresh. */
  refreshToken: string;
  viewer: Viewer;
}

/** 品类 / Category */
export interface Category {
  channelCode: string;
  id: string;
  nameEn: string;
  nameZh: string;
  parentId: string | null;
  slug: string;
  sortOrder: number;
}

export interface CertificationView {
  code: string;
  nameEn: string;
  nameZh: string;
}

export interface ChangeMemberRoleInput {
  organisationId: string;
  role: MemberRole;
  userId: string;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** 行业频道 / Industry channel */
export interface Channel {
  /** Attribute definitions that listings in this channel must satisfy */
  attributeSchema: unknown;
  categories: Category[];
  code: string;
  descriptionEn: string;
  descriptionZh: string;
  nameEn: string;
  nameZh: string;
  sortOrder: number;
}

export interface ChannelCategoryInput {
  /** Sub-categories */
  children?: ChannelCategoryInput[] | null;
  nameEn: string;
  nameZh: string;
  slug: string;
}

/** 县级行政区 / County-level division of Hunan */
export interface County {
  /** GB/T 2260 code */
  code: string;
  /** 市辖区 / 县级市 / 县 / 自治县 */
  divisionType: string;
  /** 是否为 51 个贫困县之一 / One of the 51 poverty counties */
  isPovertyCounty: boolean;
  name: string;
  /** 连片特困地区 (武陵山 / 罗霄山); empty means unknown */
  povertyContiguousArea: string | null;
  /** 摘帽年份 / Year it exited poverty */
  povertyExitYear: number | null;
  /** 国家扶贫开发工作重点县 / National key county */
  povertyNationalKey: boolean | null;
  prefectureCode: string;
  prefectureName: string;
}

export interface CreateChannelInput {
  attributeSchema: unknown;
  categories: ChannelCategoryInput[];
  code: string;
  descriptionEn?: string | null;
  descriptionZh?: string | null;
  nameEn: string;
  nameZh: string;
  sortOrder?: number | null;
}

export interface CreateListingInput {
  attributes: unknown;
  categoryId: string;
  certifications?: string[] | null;
  channelCode: string;
  description?: string | null;
  /** Uploaded image ids, in display order */
  imageIds?: string[] | null;
  minOrderQuantity: number;
  organisationId: string;
  originCountyCode: string;
  priceTiers: PriceTierInput[];
  /** Put on sale at once (default: keep as draft) */
  publish?: boolean | null;
  stock: number;
  title: string;
  unit: string;
}

export interface CreateOrganisationInput {
  /** 公开联系人 / Public contact name, shown to signed-in users */
  contactName?: string | null;
  /** 公开联系电话 / Public contact mobile number, shown to signed-in users */
  contactPhone?: string | null;
  /** GB/T 2260 county code in Hunan */
  countyCode: string;
  description?: string | null;
  kind: OrganisationKind;
  name: string;
  /** 统一社会信用代码 (18 characters) */
  uscc: string;
}

/** 失败任务 / Work that failed on its last attempt */
export interface FailedJob {
  attempts: number;
  error: string;
  /** The event it could not take; null for a scheduled run */
  event: FailedJobEvent | null;
  failedAt: string;
  /** The event handler or schedule */
  handler: string;
  id: string;
}

export interface FailedJobConnection {
  nodes: FailedJob[];
  pageInfo: PageInfo;
}

export interface FailedJobEvent {
  aggregate: string;
  aggregateId: string;
  createdAt: string;
  id: string;
  type: string;
}

/** 任务队列 / The job queue and the outbox, as operators watch them */
export interface JobQueueStatus {
  /** Work on the failed list */
  failed: number;
  /** Age in seconds of the oldest event not yet handed to the queue */
  outboxLagSeconds: number;
  /** Committed events not yet handed to the queue */
  outboxWaiting: number;
  /** How long in seconds the oldest runnable job has waited */
  queueLagSeconds: number;
  /** Jobs waiting for a retry after a failed attempt */
  retrying: number;
  running: number;
  /** Jobs waiting to run, retries included */
  waiting: number;
}

/** 供应信息 / Supply listing */
export interface Listing {
  attributes: unknown;
  /** Lowest-quantity tier price per unit, in fen */
  basePriceFen: number;
  category: Category;
  certifications: string[];
  channel: Channel;
  createdAt: string;
  description: string;
  id: string;
  images: ListingImageView[];
  /** 示例数据 / Sample data */
  isDemo: boolean;
  /** 扶贫产品: the origin county is one of the 51 poverty counties */
  isPovertyProduct: boolean;
  minOrderQuantity: number;
  originCounty: County;
  /** First-tier price per kilogram in fen, for mass units */
  pricePerKgFen: number | null;
  priceTiers: PriceTierView[];
  publishedAt: string | null;
  /** 卖家 / Seller */
  seller: Organisation;
  status: ListingStatus;
  stock: number;
  title: string;
  /** Unit code, e.g. KG, JIN, TONNE, HEAD, BOX */
  unit: string;
  unitInfo: UnitView;
  updatedAt: string;
}

export interface ListingConnection {
  nodes: Listing[];
  pageInfo: PageInfo;
}

export interface ListingImageView {
  id: string;
  url: string;
}

/** 草稿 / 在售 / 暂停 / 售罄 / 已归档 */
export type ListingStatus = 'ACTIVE' | 'ARCHIVED' | 'DRAFT' | 'PAUSED' | 'SOLD_OUT';
export const ListingStatusValues = ['ACTIVE', 'ARCHIVED', 'DRAFT', 'PAUSED', 'SOLD_OUT'] as const;

export interface LogInInput {
  password: string;
  phone: string;
}

export interface Member {
  displayName: string;
  /** Masked mobile number, e.g. 138****8000 */
  phoneMasked: string;
  role: MemberRole;
  userId: string;
}

/** 所有者 / 管理员 / 员工 */
export type MemberRole = 'MANAGER' | 'OWNER' | 'STAFF';
export const MemberRoleValues = ['MANAGER', 'OWNER', 'STAFF'] as const;

/** 通知 / An in-app notification */
export interface Notification {
  bodyEn: string;
  bodyZh: string;
  createdAt: string;
  id: string;
  /** e.g. organisation-verified */
  kind: string;
  /** A path in the storefront */
  link: string | null;
  readAt: string | null;
  titleEn: string;
  titleZh: string;
}

export interface NotificationConnection {
  nodes: Notification[];
  pageInfo: PageInfo;
}

export interface NotificationPreference {
  enabled: boolean;
  kind: string;
  labelEn: string;
  labelZh: string;
}

/** 组织 / Organisation */
export interface Organisation {
  /** 认证 — certifications shown on the seller’s public listings */
  certifications: string[];
  /** 联系方式 — signed-in users see the contact the organisation publishes; visitors get null (sign in to see it) */
  contact: OrganisationContact | null;
  county: County;
  createdAt: string;
  description: string | null;
  id: string;
  /** 示例数据 / Sample data */
  isDemo: boolean;
  kind: OrganisationKind;
  /** Members — members and platform admins only (others get null and an auth/forbidden error) */
  members: Member[] | null;
  /** Your role here, if you are a member */
  myRole: MemberRole | null;
  name: string;
  /** Reason given when verification was refused or the organisation suspended — members and platform admins only (others get null and an auth/forbidden error) */
  rejectionReason: string | null;
  /** 统一社会信用代码 — members and platform admins only (others get null and an auth/forbidden error) */
  uscc: string | null;
  verificationStatus: VerificationStatus;
  verifiedAt: string | null;
}

export interface OrganisationConnection {
  nodes: Organisation[];
  pageInfo: PageInfo;
}

/** 公开联系方式 / How to reach an organisation */
export interface OrganisationContact {
  name: string | null;
  /** Mainland mobile number, in full */
  phone: string | null;
}

/** 农民专业合作社 / 家庭农场 / 企业 / 采购方 / 物流合作方 */
export type OrganisationKind = 'BUYER' | 'COOPERATIVE' | 'ENTERPRISE' | 'FAMILY_FARM' | 'LOGISTICS';
export const OrganisationKindValues = ['BUYER', 'COOPERATIVE', 'ENTERPRISE', 'FAMILY_FARM', 'LOGISTICS'] as const;

export interface OrganisationMembership {
  organisation: Organisation;
  role: MemberRole;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface PriceTierInput {
  minQuantity: number;
  unitPriceFen: number;
}

export interface PriceTierView {
  minQuantity: number;
  /** Per kilogram, for mass units; rounded to the fen */
  pricePerKgFen: number | null;
  unitPriceFen: number;
}

export interface SignUpInput {
  displayName: string;
  password: string;
  phone: string;
}

export interface UnitView {
  code: string;
  isMass: boolean;
  nameEn: string;
  nameZh: string;
}

export interface UpdateListingInput {
  attributes?: unknown | null;
  categoryId?: string | null;
  certifications?: string[] | null;
  description?: string | null;
  imageIds?: string[] | null;
  minOrderQuantity?: number | null;
  originCountyCode?: string | null;
  priceTiers?: PriceTierInput[] | null;
  stock?: number | null;
  title?: string | null;
  unit?: string | null;
}

export interface UpdateOrganisationInput {
  /** Empty text clears it */
  contactName?: string | null;
  /** Empty text clears it */
  contactPhone?: string | null;
  countyCode?: string | null;
  /** Empty text clears it */
  description?: string | null;
  name?: string | null;
}

/** 待认证 / 已认证 / 未通过 / 已暂停 */
export type VerificationStatus = 'PENDING' | 'REJECTED' | 'SUSPENDED' | 'VERIFIED';
export const VerificationStatusValues = ['PENDING', 'REJECTED', 'SUSPENDED', 'VERIFIED'] as const;

export interface VerifyOrganisationInput {
  approve: boolean;
  organisationId: string;
  /** Required when refusing */
  reason?: string | null;
}

/** 当前用户 / The signed-in user */
export interface Viewer {
  displayName: string;
  id: string;
  isPlatformAdmin: boolean;
  memberships: OrganisationMembership[];
  phone: string;
}
