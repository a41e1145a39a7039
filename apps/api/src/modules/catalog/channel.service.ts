import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AttributeSchema } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import type { ChannelCategoryInput, CreateChannelInput } from './catalog.models';
import { Category } from './category.entity';
import { Channel } from './channel.entity';
import { attributeSchemaProblems } from './listing-rules';

/** Every category of a tree, parents before children. */
function flatten(categories: ChannelCategoryInput[]): ChannelCategoryInput[] {
  return categories.flatMap((c) => [c, ...flatten(c.children ?? [])]);
}

@Injectable()
export class ChannelService {
  constructor(private readonly em: EntityManager) {}

  channels(): Promise<Channel[]> {
    return this.em.find(Channel, {}, { orderBy: { sortOrder: 'asc', code: 'asc' } });
  }

  async channel(code: string): Promise<Channel> {
    const channel = await this.em.findOne(Channel, { code });
    if (!channel) throw new DomainError('catalog/channel-unknown');
    return channel;
  }

  byCodes(codes: readonly string[]): Promise<Channel[]> {
    return this.em.find(Channel, { code: { $in: [...codes] } });
  }

  categoriesOf(channelCodes: readonly string[]): Promise<Category[]> {
    return this.em.find(Category, { channel: { $in: [...channelCodes] } }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  }

  categoriesByIds(ids: readonly number[]): Promise<Category[]> {
    return this.em.find(Category, { id: { $in: [...ids] } });
  }

  /** A new channel is data: an admin posts its names, attribute schema and categories. */
  async create(ctx: RequestContext, input: CreateChannelInput): Promise<Channel> {
    ctx.requireAdmin();
    if (!/^[a-z]{2,20}$/.test(input.code)) throw new DomainError('catalog/channel-code-invalid');
    const problems = attributeSchemaProblems(input.attributeSchema);
    if (problems.length) throw new DomainError('catalog/schema-invalid', { problems });
    const names = [input.nameZh, input.nameEn].map((n) => n.trim());
    if (names.some((n) => n.length < 1 || n.length > 20)) throw new DomainError('catalog/schema-invalid', { problems: ['names'] });
    const all = flatten(input.categories);
    const slugs = all.map((c) => c.slug);
    if (
      input.categories.length === 0 ||
      new Set(slugs).size !== slugs.length ||
      all.some((c) => !/^[a-z0-9-]{1,40}$/.test(c.slug) || !c.nameZh.trim() || !c.nameEn.trim())
    ) {
      throw new DomainError('catalog/schema-invalid', { problems: ['categories'] });
    }
    try {
      return await this.em.transactional(async (em) => {
        const channel = em.create(Channel, {
          code: input.code,
          nameZh: names[0]!,
          nameEn: names[1]!,
          descriptionZh: input.descriptionZh?.trim() ?? '',
          descriptionEn: input.descriptionEn?.trim() ?? '',
          attributeSchema: input.attributeSchema as AttributeSchema,
          sortOrder: input.sortOrder ?? 100,
        });
        const addTree = (categories: ChannelCategoryInput[], parent?: Category) =>
          categories.forEach((c, i) => {
            const category = em.create(Category, { channel, parent, slug: c.slug, nameZh: c.nameZh.trim(), nameEn: c.nameEn.trim(), sortOrder: i });
            addTree(c.children ?? [], category);
          });
        addTree(input.categories);
        await em.flush();
        return channel;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('catalog/channel-exists');
      throw error;
    }
  }
}
