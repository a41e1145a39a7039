import type { AttributeSchema } from '@xiangnong/domain';

/** GraphQL documents used by the storefront, with the shapes they return. */

export type OrganisationKind = 'COOPERATIVE' | 'FAMILY_FARM' | 'ENTERPRISE' | 'BUYER' | 'LOGISTICS';
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE', 'BUYER', 'LOGISTICS'];
export type VerificationStatus = 'PENDING' | 'VERIFIED' | 'REJECTED';
export type ListingStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'SOLD_OUT' | 'ARCHIVED';
export type MemberRole = 'OWNER' | 'MANAGER' | 'STAFF';

export interface Category {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

export interface Channel {
  code: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  sortOrder: number;
  attributeSchema: AttributeSchema;
  categories: Category[];
}

export interface County {
  code: string;
  name: string;
  prefectureCode: string;
  prefectureName: string;
  isPovertyCounty: boolean;
}

export interface Unit {
  code: string;
  nameZh: string;
  nameEn: string;
  isMass: boolean;
}

export interface Certification {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  verificationStatus: VerificationStatus;
}

export interface Viewer {
  id: string;
  phone: string;
  displayName: string;
  isPlatformAdmin: boolean;
  memberships: { role: MemberRole; organisation: OrganisationSummary }[];
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  viewer: Viewer;
}

export interface Organisation extends OrganisationSummary {
  uscc: string;
  description: string | null;
  rejectionReason: string | null;
  verifiedAt: string | null;
  createdAt: string;
  isDemo: boolean;
  county: County;
}

export interface PriceTierView {
  minQuantity: number;
  unitPriceFen: number;
  pricePerKgFen: number | null;
}

export interface Listing {
  id: string;
  title: string;
  description: string;
  attributes: Record<string, unknown>;
  unit: string;
  unitInfo: Unit;
  priceTiers: PriceTierView[];
  basePriceFen: number;
  pricePerKgFen: number | null;
  minOrderQuantity: number;
  stock: number;
  certifications: string[];
  status: ListingStatus;
  isDemo: boolean;
  isPovertyProduct: boolean;
  createdAt: string;
  publishedAt: string | null;
  seller: OrganisationSummary & { county: { name: string } };
  channel: { code: string; nameZh: string; nameEn: string };
  category: { id: string; nameZh: string; nameEn: string };
  originCounty: County;
  images: { id: string; url: string }[];
}

export interface ListingConnection {
  nodes: Listing[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const VIEWER_FIELDS = `id phone displayName isPlatformAdmin
  memberships { role organisation { id name kind verificationStatus } }`;

const AUTH_FIELDS = `accessToken refreshToken accessTokenExpiresAt viewer { ${VIEWER_FIELDS} }`;

const COUNTY_FIELDS = 'code name prefectureCode prefectureName isPovertyCounty';

const LISTING_FIELDS = `id title description attributes unit
  unitInfo { code nameZh nameEn isMass }
  priceTiers { minQuantity unitPriceFen pricePerKgFen }
  basePriceFen pricePerKgFen minOrderQuantity stock certifications status isDemo isPovertyProduct createdAt publishedAt
  seller { id name kind verificationStatus county { name } }
  channel { code nameZh nameEn }
  category { id nameZh nameEn }
  originCounty { ${COUNTY_FIELDS} }
  images { id url }`;

const ORGANISATION_FIELDS = `id name kind verificationStatus uscc description rejectionReason verifiedAt createdAt isDemo
  county { ${COUNTY_FIELDS} }`;

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
export type SignUpResult = { signUp: AuthPayload };

export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
export type LogInResult = { logIn: AuthPayload };

export const LOG_OUT = `mutation LogOut($refreshToken: String) { logOut(refreshToken: $refreshToken) }`;
export type LogOutResult = { logOut: boolean };

export const VIEWER = `query Viewer { viewer { ${VIEWER_FIELDS} } }`;
export type ViewerResult = { viewer: Viewer | null };

export const CHANNELS = `query Channels {
  channels { code nameZh nameEn descriptionZh descriptionEn sortOrder attributeSchema categories { id slug nameZh nameEn } }
}`;
export type ChannelsResult = { channels: Channel[] };

export const REFERENCE = `query Reference {
  units { code nameZh nameEn isMass }
  certifications { code nameZh nameEn }
}`;
export type ReferenceResult = { units: Unit[]; certifications: Certification[] };

export const COUNTIES = `query Counties { counties { ${COUNTY_FIELDS} } }`;
export type CountiesResult = { counties: County[] };

export const LISTINGS = `query Listings($channel: String!, $categoryId: ID, $povertyOnly: Boolean, $q: String, $first: Int, $after: String) {
  listings(channel: $channel, categoryId: $categoryId, povertyOnly: $povertyOnly, q: $q, first: $first, after: $after) {
    nodes { ${LISTING_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type ListingsResult = { listings: ListingConnection };

export const LISTING = `query Listing($id: ID!) { listing(id: $id) { ${LISTING_FIELDS} } }`;
export type ListingResult = { listing: Listing };

export const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { ${ORGANISATION_FIELDS} } }`;
export type OrganisationResult = { organisation: Organisation };

export const CREATE_ORGANISATION = `mutation CreateOrganisation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { ${ORGANISATION_FIELDS} }
}`;
export type CreateOrganisationResult = { createOrganisation: Organisation };

export const ORGANISATION_LISTINGS = `query OrganisationListings($organisationId: ID!, $first: Int, $after: String) {
  organisationListings(organisationId: $organisationId, first: $first, after: $after) {
    nodes { ${LISTING_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type OrganisationListingsResult = { organisationListings: ListingConnection };

export interface ListingInput {
  categoryId: string;
  title: string;
  description: string;
  attributes: Record<string, unknown>;
  originCountyCode: string;
  unit: string;
  priceTiers: { minQuantity: number; unitPriceFen: number }[];
  minOrderQuantity: number;
  stock: number;
  certifications: string[];
  imageIds: string[];
}

export const CREATE_LISTING = `mutation CreateListing($input: CreateListingInput!) { createListing(input: $input) { ${LISTING_FIELDS} } }`;
export type CreateListingResult = { createListing: Listing };

export const UPDATE_LISTING = `mutation UpdateListing($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { ${LISTING_FIELDS} } }`;
export type UpdateListingResult = { updateListing: Listing };

export const SET_LISTING_STATUS = `mutation SetListingStatus($id: ID!, $status: ListingStatus!) { setListingStatus(id: $id, status: $status) { id status } }`;
export type SetListingStatusResult = { setListingStatus: { id: string; status: ListingStatus } };

export const PENDING_ORGANISATIONS = `query PendingOrganisations { pendingOrganisations { ${ORGANISATION_FIELDS} } }`;
export type PendingOrganisationsResult = { pendingOrganisations: Organisation[] };

export const VERIFY_ORGANISATION = `mutation VerifyOrganisation($input: VerifyOrganisationInput!) {
  verifyOrganisation(input: $input) { ${ORGANISATION_FIELDS} }
}`;
export type VerifyOrganisationResult = { verifyOrganisation: Organisation };
