import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AttributeSchema } from '@xiangnong/domain';
import { DomainError } from '../../common/errors';
import type { RequestContext } from '../../common/request-context';
import { optionalText, requireText } from '../../common/text-input';
import type { ChannelCategoryInput, CreateChannelInput } from './catalog.models';
import { Category } from './category.entity';
import { Channel } from './channel.entity';
import { attributeSchemaProblems } from './listing-rules';

/** Channel sort orders are stored as smallint. */
const MAX_SORT_ORDER = 32_767;
/** A channel's categories: top-level kinds and their sub-kinds (冰糖橙 under 柑橘), no deeper. */
const MAX_CATEGORY_LEVELS = 2;
const MAX_CATEGORIES = 200;

interface CategoryTree {
  slug: string;
  nameZh: string;
  nameEn: string;
  children: CategoryTree[];
}

/** The category tree as it will be stored, with every slug unique and every name within its limits. */
function validCategories(categories: ChannelCategoryInput[]): CategoryTree[] {
  const slugs = new Set<string>();
  const walk = (level: ChannelCategoryInput[], depth: number): CategoryTree[] =>
    level.map((c) => {
      if (depth > MAX_CATEGORY_LEVELS || !/^[a-z0-9-]{1,40}$/.test(c.slug) || slugs.has(c.slug) || slugs.size >= MAX_CATEGORIES) {
        throw new DomainError('catalog/schema-invalid', { problems: ['categories'], slug: c.slug });
      }
      slugs.add(c.slug);
      return {
        slug: c.slug,
        nameZh: requireText(c.nameZh, 'categoryNameZh', 'catalog/category-name-invalid'),
        nameEn: requireText(c.nameEn, 'categoryNameEn', 'catalog/category-name-invalid'),
        children: walk(c.children ?? [], depth + 1),
      };
    });
  if (categories.length === 0) throw new DomainError('catalog/schema-invalid', { problems: ['categories'] });
  return walk(categories, 1);
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
    const nameZh = requireText(input.nameZh, 'channelNameZh', 'catalog/channel-name-invalid');
    const nameEn = requireText(input.nameEn, 'channelNameEn', 'catalog/channel-name-invalid');
    const descriptionZh = optionalText(input.descriptionZh, 'channelDescription', 'catalog/channel-name-invalid') ?? '';
    const descriptionEn = optionalText(input.descriptionEn, 'channelDescription', 'catalog/channel-name-invalid') ?? '';
    const sortOrder = input.sortOrder ?? 100;
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > MAX_SORT_ORDER) {
      throw new DomainError('catalog/schema-invalid', { problems: [`sortOrder must be 0–${MAX_SORT_ORDER}`] });
    }
    const tree = validCategories(input.categories);
    try {
      return await this.em.transactional(async (em) => {
        const channel = em.create(Channel, {
          code: input.code,
          nameZh,
          nameEn,
          descriptionZh,
          descriptionEn,
          attributeSchema: input.attributeSchema as AttributeSchema,
          sortOrder,
        });
        const addTree = (categories: CategoryTree[], parent?: Category) =>
          categories.forEach((c, i) => {
            const category = em.create(Category, { channel, parent, slug: c.slug, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: i });
            addTree(c.children, category);
          });
        addTree(tree);
        await em.flush();
        return channel;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new DomainError('catalog/channel-exists');
      throw error;
    }
  }
}
