import type { AttributeSchema } from '@xiangnong/domain';
import type { ListingStatus, MemberRole, OrganisationKind, VerificationStatus } from '@xiangnong/graphql-types';

/** GraphQL documents used by the storefront, with the shapes they return. */

// Enum types come from the API schema; a change there shows up here as a type error.
export type { ListingStatus, MemberRole, OrganisationKind, VerificationStatus };
/** The order sellers see in the form, sellers' kinds first. */
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['COOPERATIVE', 'FAMILY_FARM', 'ENTERPRISE', 'BUYER', 'LOGISTICS'];

export interface Category {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  /** set on sub-categories */
  parentId: string | null;
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

/** The contact an organisation publishes; signed-in users see it, visitors get null. */
export interface OrganisationContact {
  name: string | null;
  /** a mainland mobile number, in full */
  phone: string | null;
}

export interface Organisation extends OrganisationSummary {
  uscc: string;
  description: string | null;
  rejectionReason: string | null;
  verifiedAt: string | null;
  createdAt: string;
  isDemo: boolean;
  county: County;
  contact: OrganisationContact | null;
}

/** A seller as everybody sees it on its public page. */
export interface Seller extends OrganisationSummary {
  description: string | null;
  verifiedAt: string | null;
  createdAt: string;
  isDemo: boolean;
  county: County;
  /** certification codes shown on its public listings */
  certifications: string[];
}

export interface Member {
  userId: string;
  displayName: string;
  /** e.g. 138****8000 */
  phoneMasked: string;
  role: MemberRole;
}

/** An organisation as its own members see it in the console. */
export interface OrganisationDetail extends Organisation {
  myRole: MemberRole | null;
  members: Member[];
}

export const MEMBER_ROLES: readonly MemberRole[] = ['OWNER', 'MANAGER', 'STAFF'];

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
  county { ${COUNTY_FIELDS} }
  contact { name phone }`;

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
export type SignUpResult = { signUp: AuthPayload };

export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
export type LogInResult = { logIn: AuthPayload };

export const LOG_OUT = `mutation LogOut($refreshToken: String) { logOut(refreshToken: $refreshToken) }`;
export type LogOutResult = { logOut: boolean };

export const VIEWER = `query Viewer { viewer { ${VIEWER_FIELDS} } }`;
export type ViewerResult = { viewer: Viewer | null };

export const CHANNELS = `query Channels {
  channels { code nameZh nameEn descriptionZh descriptionEn sortOrder attributeSchema categories { id slug nameZh nameEn parentId } }
}`;
export type ChannelsResult = { channels: Channel[] };

export const REFERENCE = `query Reference {
  units { code nameZh nameEn isMass }
  certifications { code nameZh nameEn }
}`;
export type ReferenceResult = { units: Unit[]; certifications: Certification[] };

export const COUNTIES = `query Counties { counties { ${COUNTY_FIELDS} } }`;
export type CountiesResult = { counties: County[] };

/** Public listings of a channel, a seller or both. */
export const LISTINGS = `query Listings($channel: String, $sellerId: ID, $categoryId: ID, $povertyOnly: Boolean, $q: String, $first: Int, $after: String) {
  listings(channel: $channel, sellerId: $sellerId, categoryId: $categoryId, povertyOnly: $povertyOnly, q: $q, first: $first, after: $after) {
    nodes { ${LISTING_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type ListingsResult = { listings: ListingConnection };

export const LISTING = `query Listing($id: ID!) { listing(id: $id) { ${LISTING_FIELDS} } }`;
export type ListingResult = { listing: Listing };

/** uscc and rejectionReason are for members and admins only: this is the console's query, not a public one. */
export const ORGANISATION = `query Organisation($id: ID!) { organisation(id: $id) { ${ORGANISATION_FIELDS} } }`;
export type OrganisationResult = { organisation: Organisation };

/** The public seller page: the same for everybody, so it is asked anonymously (and answered from the API's cache). */
export const SELLER = `query Seller($id: ID!) {
  organisation(id: $id) { id name kind verificationStatus description verifiedAt createdAt isDemo certifications county { ${COUNTY_FIELDS} } }
}`;
export type SellerResult = { organisation: Seller };

/** The published contact: null for visitors, so it is asked with the session. */
export const SELLER_CONTACT = `query SellerContact($id: ID!) { organisation(id: $id) { id contact { name phone } } }`;
export type SellerContactResult = { organisation: { id: string; contact: OrganisationContact | null } };

const MEMBER_FIELDS = 'userId displayName phoneMasked role';

/** uscc and members are for members and admins only: use this in the console, not on public pages. */
export const ORGANISATION_DETAIL = `query OrganisationDetail($id: ID!) {
  organisation(id: $id) { ${ORGANISATION_FIELDS} myRole members { ${MEMBER_FIELDS} } }
}`;
export type OrganisationDetailResult = { organisation: OrganisationDetail };

/** Empty text clears description and contact fields. */
export interface UpdateOrganisationInput {
  name?: string;
  countyCode?: string;
  description?: string;
  contactName?: string;
  contactPhone?: string;
}

export const UPDATE_ORGANISATION = `mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
  updateOrganisation(id: $id, input: $input) { ${ORGANISATION_FIELDS} }
}`;
export type UpdateOrganisationResult = { updateOrganisation: Organisation };

export const ADD_MEMBER = `mutation AddMember($input: AddMemberInput!) { addMember(input: $input) { ${MEMBER_FIELDS} } }`;
export type AddMemberResult = { addMember: Member };

export const CHANGE_MEMBER_ROLE = `mutation ChangeMemberRole($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { ${MEMBER_FIELDS} } }`;
export type ChangeMemberRoleResult = { changeMemberRole: Member };

export const REMOVE_MEMBER = `mutation RemoveMember($organisationId: ID!, $userId: ID!) { removeMember(organisationId: $organisationId, userId: $userId) }`;
export type RemoveMemberResult = { removeMember: boolean };

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

export const PENDING_ORGANISATIONS = `query PendingOrganisations($first: Int, $after: String) {
  pendingOrganisations(first: $first, after: $after) { nodes { ${ORGANISATION_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
export type PendingOrganisationsResult = { pendingOrganisations: { nodes: Organisation[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

export const VERIFY_ORGANISATION = `mutation VerifyOrganisation($input: VerifyOrganisationInput!) {
  verifyOrganisation(input: $input) { ${ORGANISATION_FIELDS} }
}`;
export type VerifyOrganisationResult = { verifyOrganisation: Organisation };
