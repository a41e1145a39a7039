import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UNITS } from '@xiangnong/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { selectedFields } from '../../common/selected-fields';
import { Organisation } from '../identity/organisation.entity';
import {
  CreateChannelInput,
  CreateListingInput,
  ListingConnection,
  ListingsArgs,
  OrganisationListingsArgs,
  UpdateListingInput,
} from './catalog.models';
import { Category } from './category.entity';
import { CERTIFICATIONS } from './certifications';
import { Channel } from './channel.entity';
import { ChannelService } from './channel.service';
import { ListingStatus } from './listing.entity';
import { ListingService } from './listing.service';
import { ListingView } from './listing.view';
import { CertificationView, UnitView, unitView } from './reference.view';

const UNIT_VIEWS: UnitView[] = UNITS.map(unitView);

/** Parents in their order, each followed by its children (rows arrive sorted by sortOrder). */
function treeOrder(categories: Category[]): Category[] {
  const childrenOf = (parentId: number | null): Category[] =>
    categories.filter((c) => (c.parent?.id ?? null) === parentId).flatMap((c) => [c, ...childrenOf(c.id)]);
  return childrenOf(null);
}

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
    return [...CERTIFICATIONS];
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
          return codes.map((code) => ({ code, list: treeOrder(rows.filter((c) => c.channel.code === code)) }));
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

@Resolver(() => ListingView)
export class ListingResolver {
  constructor(
    private readonly listings: ListingService,
    private readonly channels: ChannelService,
  ) {}

  @Query(() => ListingConnection, { name: 'listings', description: '频道供应列表 / Public listings of a channel' })
  publicListings(@Args() args: ListingsArgs, @Info() info: GraphQLResolveInfo): Promise<ListingConnection> {
    return this.listings.publicListings(args, selectedFields(info, ['nodes']));
  }

  @Query(() => ListingView)
  listing(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ListingView> {
    return this.listings.byId(ctx, id);
  }

  @Query(() => ListingConnection, { description: '本组织全部供应 (members) / All listings of your organisation' })
  organisationListings(@Ctx() ctx: RequestContext, @Args() args: OrganisationListingsArgs): Promise<ListingConnection> {
    return this.listings.organisationListings(ctx, args);
  }

  @Mutation(() => ListingView, { description: '发布供应 / Create a listing' })
  createListing(@Ctx() ctx: RequestContext, @Args('input') input: CreateListingInput): Promise<ListingView> {
    return this.listings.create(ctx, input);
  }

  @Mutation(() => ListingView)
  updateListing(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateListingInput,
  ): Promise<ListingView> {
    return this.listings.update(ctx, id, input);
  }

  @Mutation(() => ListingView, { description: '上架 / 暂停 / 归档 — Publish, pause or archive' })
  setListingStatus(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => ListingStatus }) status: ListingStatus,
  ): Promise<ListingView> {
    return this.listings.setStatus(ctx, id, status);
  }

  @ResolveField(() => Channel)
  async channel(@Ctx() ctx: RequestContext, @Parent() listing: ListingView): Promise<Channel> {
    const channel = await ctx
      .loader<string, Channel>('channel', (codes) => this.channels.byCodes(codes), (c) => c.code)
      .load(listing.channelCode);
    return channel!;
  }

  @ResolveField(() => Category)
  async category(@Ctx() ctx: RequestContext, @Parent() listing: ListingView): Promise<Category> {
    const category = await ctx
      .loader<number, Category>('category', (ids) => this.channels.categoriesByIds(ids), (c) => c.id)
      .load(listing.categoryId);
    return category!;
  }
}

/** What buyers see of a seller that comes from its listings. */
@Resolver(() => Organisation)
export class SellerListingFieldsResolver {
  constructor(private readonly listings: ListingService) {}

  @ResolveField(() => [String], { description: '认证 — certifications shown on the seller’s public listings' })
  async certifications(@Ctx() ctx: RequestContext, @Parent() org: Organisation): Promise<string[]> {
    const found = await ctx
      .loader<string, { id: string; codes: string[] }>('seller-certifications', (ids) => this.listings.publicCertifications(ids), (v) => v.id)
      .load(org.id);
    return found?.codes ?? [];
  }
}
