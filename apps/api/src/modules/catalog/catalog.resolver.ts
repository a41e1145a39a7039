import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isMassUnit, pricePerKgFen, UNITS, unitInfo } from '@xiangnong/domain';
import { Ctx, RequestContext } from '../../common/request-context';
import { certifications } from '../../database/reference-data';
import { County } from '../geo/county.entity';
import { GeoService } from '../geo/geo.service';
import { Organisation } from '../identity/organisation.entity';
import { OrganisationService } from '../identity/organisation.service';
import {
  CertificationView,
  CreateChannelInput,
  CreateListingInput,
  ListingConnection,
  ListingImageView,
  ListingsArgs,
  OrganisationListingsArgs,
  PriceTierView,
  UnitView,
  UpdateListingInput,
} from './catalog.models';
import { Category } from './category.entity';
import { Channel } from './channel.entity';
import { ChannelService } from './channel.service';
import { ListingImage } from './listing-image.entity';
import { Listing, ListingStatus } from './listing.entity';
import { ListingService } from './listing.service';

const UNIT_VIEWS: UnitView[] = UNITS.map((u) => ({ code: u.code, nameZh: u.zh, nameEn: u.en, isMass: u.mass !== null }));

@Resolver(() => Channel)
export class ChannelResolver {
  constructor(private readonly channels: ChannelService) {}

  @Query(() => [Channel], { name: 'channels', description: '行业频道 / Industry channels' })
  allChannels(): Promise<Channel[]> {
    return this.channels.channels();
  }

  @Query(() => Channel)
  channel(@Args('code') code: string): Promise<Channel> {
    return this.channels.channel(code);
  }

  @Query(() => [UnitView], { description: '计量单位 / Units of sale' })
  units(): UnitView[] {
    return UNIT_VIEWS;
  }

  @Query(() => [CertificationView], { description: '认证类型 / Certifications' })
  certifications(): CertificationView[] {
    return certifications();
  }

  @Mutation(() => Channel, { description: '新增频道 (admins) / Add a channel: data only, no code' })
  createChannel(@Ctx() ctx: RequestContext, @Args('input') input: CreateChannelInput): Promise<Channel> {
    return this.channels.create(ctx, input);
  }

  @ResolveField(() => [Category])
  async categories(@Ctx() ctx: RequestContext, @Parent() channel: Channel): Promise<Category[]> {
    const all = await ctx
      .loader<string, { code: string; list: Category[] }>(
        'channel-categories',
        async (codes) => {
          const rows = await this.channels.categoriesOf(codes);
          return codes.map((code) => ({ code, list: rows.filter((c) => c.channel.code === code) }));
        },
        (v) => v.code,
      )
      .load(channel.code);
    return all?.list ?? [];
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @ResolveField(() => ID, { nullable: true })
  parentId(@Parent() category: Category): number | null {
    return category.parent?.id ?? null;
  }

  @ResolveField(() => String)
  channelCode(@Parent() category: Category): string {
    return category.channel.code;
  }
}

@Resolver(() => Listing)
export class ListingResolver {
  constructor(
    private readonly listings: ListingService,
    private readonly channels: ChannelService,
    private readonly organisations: OrganisationService,
    private readonly geo: GeoService,
  ) {}

  @Query(() => ListingConnection, { name: 'listings', description: '频道供应列表 / Public listings of a channel' })
  publicListings(@Args() args: ListingsArgs): Promise<ListingConnection> {
    return this.listings.publicListings(args);
  }

  @Query(() => Listing)
  listing(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Listing> {
    return this.listings.byId(ctx, id);
  }

  @Query(() => ListingConnection, { description: '本组织全部供应 (members) / All listings of your organisation' })
  organisationListings(@Ctx() ctx: RequestContext, @Args() args: OrganisationListingsArgs): Promise<ListingConnection> {
    return this.listings.organisationListings(ctx, args);
  }

  @Mutation(() => Listing, { description: '发布供应 / Create a listing' })
  createListing(@Ctx() ctx: RequestContext, @Args('input') input: CreateListingInput): Promise<Listing> {
    return this.listings.create(ctx, input);
  }

  @Mutation(() => Listing)
  updateListing(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateListingInput,
  ): Promise<Listing> {
    return this.listings.update(ctx, id, input);
  }

  @Mutation(() => Listing, { description: '上架 / 暂停 / 归档 — Publish, pause or archive' })
  setListingStatus(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => ListingStatus }) status: ListingStatus,
  ): Promise<Listing> {
    return this.listings.setStatus(ctx, id, status);
  }

  @ResolveField(() => Organisation, { description: '卖家 / Seller' })
  async seller(@Ctx() ctx: RequestContext, @Parent() listing: Listing): Promise<Organisation> {
    const org = await ctx
      .loader<string, Organisation>('organisation', (ids) => this.organisations.byIds(ids), (o) => o.id)
      .load(listing.organisation.id);
    return org!;
  }

  @ResolveField(() => Channel)
  async channel(@Ctx() ctx: RequestContext, @Parent() listing: Listing): Promise<Channel> {
    const channel = await ctx
      .loader<string, Channel>('channel', (codes) => this.channels.byCodes(codes), (c) => c.code)
      .load(listing.channel.code);
    return channel!;
  }

  @ResolveField(() => Category)
  async category(@Ctx() ctx: RequestContext, @Parent() listing: Listing): Promise<Category> {
    const category = await ctx
      .loader<number, Category>('category', (ids) => this.channels.categoriesByIds(ids), (c) => c.id)
      .load(listing.category.id);
    return category!;
  }

  @ResolveField(() => County)
  async originCounty(@Parent() listing: Listing): Promise<County> {
    return (await this.geo.county(listing.originCounty.code))!;
  }

  @ResolveField(() => Boolean, { description: '扶贫产品: the origin county is one of the 51 poverty counties' })
  async isPovertyProduct(@Parent() listing: Listing): Promise<boolean> {
    return (await this.geo.county(listing.originCounty.code))?.isPovertyCounty ?? false;
  }

  @ResolveField(() => [PriceTierView])
  priceTiers(@Parent() listing: Listing): PriceTierView[] {
    return listing.priceTiers.map((t) => ({ ...t, pricePerKgFen: pricePerKgFen(t.unitPriceFen, listing.unit) }));
  }

  @ResolveField(() => Int, { nullable: true, description: 'First-tier price per kilogram in fen, for mass units' })
  pricePerKgFen(@Parent() listing: Listing): number | null {
    return isMassUnit(listing.unit) ? pricePerKgFen(listing.basePriceFen, listing.unit) : null;
  }

  @ResolveField(() => UnitView)
  unitInfo(@Parent() listing: Listing): UnitView {
    const u = unitInfo(listing.unit)!;
    return { code: u.code, nameZh: u.zh, nameEn: u.en, isMass: u.mass !== null };
  }

  @ResolveField(() => [ListingImageView])
  async images(@Ctx() ctx: RequestContext, @Parent() listing: Listing): Promise<ListingImageView[]> {
    const entry = await ctx
      .loader<string, { id: string; list: ListingImage[] }>(
        'listing-images',
        async (ids) => {
          const rows = await this.listings.imagesOf(ids);
          return ids.map((id) => ({ id, list: rows.filter((r) => r.listing?.id === id) }));
        },
        (v) => v.id,
      )
      .load(listing.id);
    return (entry?.list ?? []).map((img) => ({ id: img.id, url: `/files/${img.storageKey}` }));
  }
}
