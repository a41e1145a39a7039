/**
 * What the response cache may keep: every field an answer to an anonymous public query can
 * contain, with where its data comes from. A cached answer stays correct only if every table it
 * read announces its changes (the PublicDataChanges migration) — or the value is fixed in code, or
 * the field answers visitors with an error (answers with errors are never stored). A field added
 * to one of these types without an entry here fails public-fields.spec.ts: its author has to say
 * where its data comes from, and make sure that source announces its changes.
 */
export type PublicSource =
  /** tables with change announcements */
  | 'channel'
  | 'category'
  | 'county'
  | 'organisation'
  | 'listing'
  | 'listing_image'
  /** fixed in code or reference files, or computed from the other fields of the same row */
  | 'code'
  /** visitors get an error, so an answer with it is never stored */
  | 'private';

/** Tables whose changes are announced with the listings they touched (see listingScope). */
export const LISTING_SOURCES: ReadonlySet<PublicSource> = new Set(['listing', 'listing_image']);

export const PUBLIC_FIELD_SOURCES: Record<string, Record<string, readonly PublicSource[]>> = {
  Query: {
    certifications: ['code'],
    channel: ['channel'],
    channels: ['channel'],
    counties: ['county'],
    listing: ['listing'],
    listings: ['listing', 'organisation', 'category'],
    organisation: ['organisation'],
    units: ['code'],
  },
  CertificationView: { code: ['code'], nameEn: ['code'], nameZh: ['code'] },
  UnitView: { code: ['code'], isMass: ['code'], nameEn: ['code'], nameZh: ['code'] },
  Channel: {
    attributeSchema: ['channel'],
    categories: ['category'],
    code: ['channel'],
    descriptionEn: ['channel'],
    descriptionZh: ['channel'],
    nameEn: ['channel'],
    nameZh: ['channel'],
    sortOrder: ['channel'],
  },
  Category: { channelCode: ['category'], id: ['category'], nameEn: ['category'], nameZh: ['category'], parentId: ['category'], slug: ['category'], sortOrder: ['category'] },
  County: {
    code: ['county'],
    divisionType: ['county'],
    isPovertyCounty: ['county'],
    name: ['county'],
    povertyContiguousArea: ['county'],
    povertyExitYear: ['county'],
    povertyNationalKey: ['county'],
    prefectureCode: ['county'],
    prefectureName: ['county'],
  },
  Listing: {
    attributes: ['listing'],
    basePriceFen: ['listing'],
    category: ['category'],
    certifications: ['listing'],
    channel: ['channel'],
    createdAt: ['listing'],
    description: ['listing'],
    id: ['listing'],
    images: ['listing_image'],
    isDemo: ['listing'],
    isPovertyProduct: ['county'],
    minOrderQuantity: ['listing'],
    originCounty: ['county'],
    pricePerKgFen: ['listing'],
    priceTiers: ['listing'],
    publishedAt: ['listing'],
    seller: ['organisation'],
    status: ['listing'],
    stock: ['listing'],
    title: ['listing'],
    unit: ['listing'],
    unitInfo: ['code'],
    updatedAt: ['listing'],
  },
  ListingImageView: { id: ['listing_image'], url: ['listing_image'] },
  PriceTierView: { minQuantity: ['listing'], pricePerKgFen: ['listing'], unitPriceFen: ['listing'] },
  ListingConnection: { nodes: ['listing'], pageInfo: ['listing'] },
  PageInfo: { endCursor: ['listing'], hasNextPage: ['listing'] },
  Organisation: {
    // the certifications of the seller's public listings: an organisation's answer depends on listings
    certifications: ['listing'],
    // null for visitors, whatever the data
    contact: ['code'],
    county: ['county'],
    createdAt: ['organisation'],
    description: ['organisation'],
    id: ['organisation'],
    isDemo: ['organisation'],
    kind: ['organisation'],
    members: ['private'],
    myRole: ['code'],
    name: ['organisation'],
    rejectionReason: ['private'],
    uscc: ['private'],
    verificationStatus: ['organisation'],
    verifiedAt: ['organisation'],
  },
  OrganisationContact: { name: ['code'], phone: ['code'] },
  Member: { displayName: ['private'], phoneMasked: ['private'], role: ['private'], userId: ['private'] },
};
