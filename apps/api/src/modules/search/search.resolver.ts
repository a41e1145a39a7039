import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFields } from '../../common/selected-fields';
import { SearchArgs, SearchResult, SearchSuggestion } from './search.models';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchResult, { description: '搜索供应 / Search public listings: words, pinyin or initials, with filters and facet counts' })
  search(@Args() args: SearchArgs, @Info() info: GraphQLResolveInfo): Promise<SearchResult> {
    return this.searchService.search(args, selectedFields(info, ['nodes', 'listing']));
  }

  @Query(() => [SearchSuggestion], { description: '搜索建议 / Words to offer as the buyer types (Chinese, pinyin or initials)' })
  searchSuggestions(@Args('q') q: string): Promise<SearchSuggestion[]> {
    return this.searchService.suggestions(q);
  }
}
