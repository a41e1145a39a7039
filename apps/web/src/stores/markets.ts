import { defineStore } from 'pinia';
import { ref } from 'vue';
import { gql } from '../graphql';
import { MarketsDocument, type MarketFieldsFragment } from '../graphql/generated/graphql';

/**
 * The markets and collection points prices are quoted at: reference data that rarely changes,
 * fetched at most once per page load for the 行情 pages' market filter.
 */
export const useMarketsStore = defineStore('markets', () => {
  const markets = ref<MarketFieldsFragment[]>([]);
  let load: Promise<void> | null = null;

  function loadMarkets(): Promise<void> {
    load ??= gql(MarketsDocument, undefined, { anonymous: true })
      .then((data) => {
        markets.value = data.markets;
      })
      .catch((error: unknown) => {
        load = null;
        throw error;
      });
    return load;
  }

  function marketByCode(code: string | null): MarketFieldsFragment | undefined {
    return code ? markets.value.find((m) => m.code === code) : undefined;
  }

  return { markets, loadMarkets, marketByCode };
});
