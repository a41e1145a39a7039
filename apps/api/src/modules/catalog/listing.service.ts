import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { attributeIssues, priceTierProblem, quantityProblem, unitInfo, type PriceTier } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import { intId, isUuid } from '../../common/ids';
import { decodeCursor, pageSize, toPage, type Page } from '../../common/pagination';
import type { RequestContext } from '../../common/request-context';
import { containsPattern, optionalText, requireText } from '../../common/text-input';
import { GeoService } from '../geo/geo.service';
import { MemberRole } from '../identity/membership.entity';
import { VerificationStatus } from '../identity/organisation.entity';
import { OrganisationService } from '../identity/organisation.service';
import type { CreateListingInput, ListingsArgs, OrganisationListingsArgs, UpdateListingInput } from './catalog.models';
import { Category } from './category.entity';
import { CERTIFICATION_CODES } from './certifications';
import { Channel } from './channel.entity';
import { ChannelService } from './channel.service';
import { StockService } from './stock.service';
import { OutboxService } from '../events/outbox.service';
import { ListingImage } from './listing-image.entity';
import { Listing, ListingStatus } from './listing.entity';
import { ListingReadModel } from './listing.read-model';
import type { ListingView } from './listing.view';
import { canTransition, PUBLIC_STATUSES, statusForStock } from './listing-rules';

const MAX_IMAGES = 9;

interface ListingFields {
  category: Category;
  title: string;
  description: string;
  attributes: Record<string, string | number | boolean>;
  originCounty: string;
  unit: string;
  priceTiers: PriceTier[];
  basePriceFen: number;
  minOrderQuantity: number;
  stock: number;
  certifications: string[];
}

/** Input fields a seller edits, and the listing fields each one sets (stock is set through StockService). */
const EDITABLE_FIELDS = [
  ['categoryId', 'category'],
  ['title', 'title'],
  ['description', 'description'],
  ['attributes', 'attributes'],
  ['originCountyCode', 'originCounty'],
  ['unit', 'unit'],
  ['priceTiers', 'priceTiers', 'basePriceFen'],
  ['minOrderQuantity', 'minOrderQuantity'],
  ['certifications', 'certifications'],
] as const satisfies readonly (readonly [keyof UpdateListingInput, ...(keyof ListingFields)[]])[];

const QUANTITY_ERRORS = {
  minimumInvalid: 'catalog/quantity-invalid',
  stockInvalid: 'catalog/stock-invalid',
  stockBelowMinimum: 'catalog/stock-below-minimum',
} as const;

@Injectable()
export class ListingService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationService,
    private readonly geo: GeoService,
    private readonly reads: ListingReadModel,
    private readonly channels: ChannelService,
    private readonly stock: StockService,
    private readonly outbox: OutboxService,
  ) {}

  /** Validates a whole listing against its channel. Every rule runs before anything is written. */
  private async validate(channel: Channel, input: Required<Omit<UpdateListingInput, 'imageIds'>>): Promise<ListingFields> {
    const title = requireText(input.title, 'listingTitle', 'catalog/title-invalid');
    const description = optionalText(input.description, 'listingDescription', 'catalog/description-invalid') ?? '';
    const categoryId = intId(input.categoryId);
    const category = categoryId ? await this.em.findOne(Category, { id: categoryId, channel: channel.code }) : null;
    if (!category) throw new DomainError('catalog/category-unknown');
    const county = await this.geo.requireCounty(input.originCountyCode);
    if (!unitInfo(input.unit)) throw new DomainError('catalog/unit-unknown');
    const quantity = quantityProblem(input.minOrderQuantity, input.stock);
    if (quantity) throw new DomainError(QUANTITY_ERRORS[quantity], { minOrderQuantity: input.minOrderQuantity, stock: input.stock });
    const tiers = input.priceTiers.map((t) => ({ minQuantity: t.minQuantity, unitPriceFen: t.unitPriceFen }));
    const tierProblem = priceTierProblem(tiers, input.minOrderQuantity);
    if (tierProblem) throw new DomainError('catalog/price-tiers-invalid', { problem: tierProblem });
    const attributes = input.attributes ?? {};
    if (typeof attributes !== 'object' || Array.isArray(attributes)) throw new DomainError('catalog/attributes-invalid');
    const issues = attributeIssues(channel.attributeSchema, attributes);
    if (issues.length > 0) throw new DomainError('catalog/attributes-invalid', { issues });
    const certs = [...new Set(input.certifications)];
    const unknown = certs.find((c) => !CERTIFICATION_CODES.has(c));
    if (unknown) throw new DomainError('catalog/certification-unknown', { code: unknown });
    const cleanAttributes = Object.fromEntries(
      Object.entries(attributes).filter(([, v]) => v !== '' && v !== null && v !== undefined),
    ) as Record<string, string | number | boolean>;
    return {
      category,
      title,
      description,
      attributes: cleanAttributes,
      originCounty: county.code,
      unit: input.unit,
      priceTiers: tiers,
      basePriceFen: tiers[0]!.unitPriceFen,
      minOrderQuantity: input.minOrderQuantity,
      stock: input.stock,
      certifications: certs,
    };
  }

  async create(ctx: RequestContext, input: CreateListingInput): Promise<ListingView> {
    const org = await this.organisations.requireSeller(ctx, input.organisationId);
    const channel = await this.channels.channel(input.channelCode);
    const fields = await this.validate(channel, {
      categoryId: input.categoryId,
      title: input.title,
      description: input.description ?? '',
      attributes: input.attributes,
      originCountyCode: input.originCountyCode,
      unit: input.unit,
      priceTiers: input.priceTiers,
      minOrderQuantity: input.minOrderQuantity,
      stock: input.stock,
      certifications: input.certifications ?? [],
    });
    const id = await this.em.transactional(async (em) => {
      const status = input.publish ? statusForStock(ListingStatus.ACTIVE, fields.stock) : ListingStatus.DRAFT;
      const listing = em.create(Listing, {
        ...fields,
        organisation: org.id,
        channel: channel.code,
        status,
        publishedAt: status === ListingStatus.DRAFT ? undefined : new Date(),
      });
      await em.flush();
      await this.stock.opened(em, listing, ctx.user!.id);
      const ref = { listingId: listing.id, organisationId: org.id, channel: channel.code };
      await this.outbox.record(em, { type: 'listing.created', aggregate: 'listing', aggregateId: listing.id, payload: { ...ref, status } });
      if (input.imageIds?.length) await this.attachImages(em, listing, input.imageIds);
      return listing.id;
    });
    return (await this.reads.byId(id))!;
  }

  /**
   * Changes the fields the input names, and only those, on the row as it is once locked: a change
   * made in between (a checkout taking stock, another edit) is kept. Stock goes through the stock
   * service as the difference to what the seller set.
   */
  async update(ctx: RequestContext, id: string, input: UpdateListingInput): Promise<ListingView> {
    const existing = await this.editable(ctx, id);
    const channel = await this.channels.channel(existing.channel.code);
    await this.em.transactional(async (em) => {
      const listing = await em.findOneOrFail(Listing, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (listing.status === ListingStatus.ARCHIVED) throw new DomainError('catalog/status-transition');
      const fields = await this.validate(channel, {
        categoryId: input.categoryId ?? String(listing.category.id),
        title: input.title ?? listing.title,
        description: input.description ?? listing.description,
        attributes: input.attributes ?? listing.attributes,
        originCountyCode: input.originCountyCode ?? listing.originCounty.code,
        unit: input.unit ?? listing.unit,
        priceTiers: input.priceTiers ?? listing.priceTiers,
        minOrderQuantity: input.minOrderQuantity ?? listing.minOrderQuantity,
        stock: input.stock ?? listing.stock,
        certifications: input.certifications ?? listing.certifications,
      });
      const named = EDITABLE_FIELDS.filter(([inputKey]) => input[inputKey] !== undefined && input[inputKey] !== null);
      const changes: Partial<ListingFields> = {};
      for (const [, ...fieldNames] of named) for (const field of fieldNames) Object.assign(changes, { [field]: fields[field] });
      em.assign(listing, changes);
      await em.flush();
      const ref = { listingId: id, organisationId: listing.organisation.id, channel: channel.code };
      if (named.length) {
        await this.outbox.record(em, { type: 'listing.changed', aggregate: 'listing', aggregateId: id, payload: { ...ref, fields: named.map(([key]) => key) } });
      }
      if (input.stock !== undefined && input.stock !== null && input.stock !== listing.stock) {
        await this.stock.adjust(em, { listingId: id, delta: input.stock - listing.stock, reason: 'seller-set', actorId: ctx.user!.id });
      }
      if (input.imageIds) await this.attachImages(em, listing, input.imageIds);
    });
    return (await this.reads.byId(id))!;
  }

  async setStatus(ctx: RequestContext, id: string, status: ListingStatus): Promise<ListingView> {
    await this.editable(ctx, id);
    await this.em.transactional(async (em) => {
      const listing = await em.findOneOrFail(Listing, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!canTransition(listing.status, status)) throw new DomainError('catalog/status-transition', { from: listing.status, to: status });
      const from = listing.status;
      listing.status = statusForStock(status, listing.stock);
      if (status === ListingStatus.ACTIVE) listing.publishedAt ??= new Date();
      await em.flush();
      await this.outbox.record(em, {
        type: 'listing.status-changed',
        aggregate: 'listing',
        aggregateId: id,
        payload: { listingId: id, organisationId: listing.organisation.id, channel: listing.channel.code, from, to: listing.status },
      });
    });
    return (await this.reads.byId(id))!;
  }

  /**
   * The listing if the caller may change it: any member of its (seller) organisation. Anyone else
   * is refused, and learns no more than they could see: a listing they cannot read is "not found",
   * exactly like an id that names nothing.
   */
  private async editable(ctx: RequestContext, id: string): Promise<Listing> {
    ctx.requireUser();
    const listing = isUuid(id) ? await this.em.findOne(Listing, id, { populate: ['organisation'] }) : null;
    if (!listing) throw new DomainError('catalog/listing-not-found');
    if (!(await this.organisations.roleOf(ctx, listing.organisation.id))) {
      const visible = PUBLIC_STATUSES.includes(listing.status) && listing.organisation.verificationStatus === VerificationStatus.VERIFIED;
      throw new DomainError(visible ? 'auth/forbidden' : 'catalog/listing-not-found');
    }
    await this.organisations.requireSeller(ctx, listing.organisation.id);
    return listing;
  }

  private async attachImages(em: EntityManager, listing: Listing, imageIds: string[]): Promise<void> {
    const ids = [...new Set(imageIds)];
    if (!ids.every(isUuid)) throw new DomainError('catalog/image-unknown');
    if (ids.length > MAX_IMAGES) throw new DomainError('catalog/too-many-images');
    // locked, so that the sweep of unattached images cannot remove one while it is being attached
    const images = ids.length
      ? await em.find(ListingImage, { id: { $in: ids }, organisation: listing.organisation.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : [];
    if (images.length !== ids.length || images.some((img) => img.listing && img.listing.id !== listing.id)) {
      throw new DomainError('catalog/image-unknown');
    }
    await em.nativeUpdate(ListingImage, { listing: listing.id, id: { $nin: ids } }, { listing: null });
    const added = images.filter((image) => image.listing?.id !== listing.id).map((image) => image.id);
    for (const image of images) {
      image.listing = listing;
      image.position = ids.indexOf(image.id);
    }
    await em.flush();
    if (added.length) {
      await this.outbox.record(em, {
        type: 'listing.image-attached',
        aggregate: 'listing',
        aggregateId: listing.id,
        payload: { listingId: listing.id, organisationId: listing.organisation.id, channel: listing.channel.code, imageIds: added },
      });
    }
  }

  /** A listing as the caller may see it: public ones to all, others to their organisation and admins. */
  async byId(ctx: RequestContext, id: string): Promise<ListingView> {
    const listing = isUuid(id) ? await this.reads.byId(id) : undefined;
    if (!listing) throw new DomainError('catalog/listing-not-found');
    const isPublic = PUBLIC_STATUSES.includes(listing.status) && listing.seller.verificationStatus === VerificationStatus.VERIFIED;
    if (isPublic || ctx.user?.isPlatformAdmin) return listing;
    if (ctx.user && (await this.organisations.roleOf(ctx, listing.seller.id))) return listing;
    throw new DomainError('catalog/listing-not-found');
  }

  /** Public listings of a channel and/or a seller, newest first, keyset-paginated. */
  async publicListings(args: ListingsArgs, fields?: ReadonlySet<string>): Promise<Page<ListingView>> {
    const size = pageSize(args.first);
    const where = [`l.status in ('ACTIVE', 'SOLD_OUT')`, `o.verification_status = 'VERIFIED'`];
    const params: unknown[] = [];
    if (args.channel) {
      where.push('l.channel_code = ?');
      params.push(args.channel);
    }
    if (args.sellerId) {
      if (!isUuid(args.sellerId)) throw new DomainError('org/not-found');
      where.push('l.organisation_id = ?');
      params.push(args.sellerId);
    }
    if (args.categoryId) {
      const id = intId(args.categoryId);
      if (!id) throw new DomainError('catalog/category-unknown');
      where.push('(l.category_id = ? or l.category_id in (select c.id from category c where c.parent_id = ?))');
      params.push(id, id);
    }
    if (args.countyCode) {
      where.push('l.origin_county_code = ?');
      params.push((await this.geo.requireCounty(args.countyCode)).code);
    }
    if (args.povertyOnly) where.push('l.origin_county_code in (select code from county where is_poverty_county)');
    const pattern = containsPattern(args.q, 'catalog/query-too-long');
    if (pattern) {
      where.push(`l.title ilike ? escape '\\'`);
      params.push(pattern);
    }
    if (args.after) {
      const [publishedAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      where.push('(l.published_at, l.id) < (?::timestamptz, ?::uuid)');
      params.push(publishedAt, id);
    }
    const rows = await this.reads.find({ where, params, orderBy: 'l.published_at desc, l.id desc', limit: size + 1, fields });
    return toPage(rows, size, (l) => [l.publishedAt!, l.id]);
  }

  /** The certifications each seller shows on its public listings, in the catalogue's order. */
  async publicCertifications(organisationIds: readonly string[]): Promise<{ id: string; codes: string[] }[]> {
    const ids = organisationIds.filter(isUuid);
    if (!ids.length) return [];
    const rows = await this.em.getConnection().execute<{ id: string; codes: string[] }[]>(
      `select l.organisation_id as id, array_agg(distinct c) as codes
         from listing l cross join unnest(l.certifications) c
        where l.organisation_id in (?) and l.status in ('ACTIVE', 'SOLD_OUT')
        group by l.organisation_id`,
      [ids],
    );
    const order = [...CERTIFICATION_CODES];
    return rows.map((row) => ({ id: row.id, codes: order.filter((code) => row.codes.includes(code)) }));
  }

  /** Every listing of an organisation, for its members (and admins), most recently changed first. */
  async organisationListings(ctx: RequestContext, args: OrganisationListingsArgs): Promise<Page<ListingView>> {
    if (!isUuid(args.organisationId)) throw new DomainError('org/not-found');
    await this.organisations.requireRoleOrAdmin(ctx, args.organisationId, MemberRole.STAFF);
    const size = pageSize(args.first);
    const where = ['l.organisation_id = ?'];
    const params: unknown[] = [args.organisationId];
    if (args.status) {
      where.push('l.status = ?');
      params.push(args.status);
    }
    if (args.after) {
      const [updatedAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      where.push('(l.updated_at, l.id) < (?::timestamptz, ?::uuid)');
      params.push(updatedAt, id);
    }
    const rows = await this.reads.find({ where, params, orderBy: 'l.updated_at desc, l.id desc', limit: size + 1 });
    return toPage(rows, size, (l) => [l.updatedAt, l.id]);
  }
}
