import { defineStore } from 'pinia';
import { ref } from 'vue';
import { gql } from '../graphql';
import { ReportingMarketsDocument, type MarketFieldsFragment } from '../graphql/generated/graphql';

/**
 * The markets the signed-in user reports quotes for (报价员, assigned by an administrator to their
 * organisation). Asked once per signed-in user, so the header can offer 报价 to reporters only;
 * the report page asks again (`fresh`) to see an assignment made since, unless an ask is on its way.
 */
export const useReportingStore = defineStore('reporting', () => {
  const markets = ref<MarketFieldsFragment[]>([]);
  let askedFor: string | null = null;
  let asking: Promise<void> | null = null;
  let answered = false;

  function load(viewerId: string, fresh = false): Promise<void> {
    if (asking && askedFor === viewerId && (!fresh || !answered)) return asking;
    askedFor = viewerId;
    answered = false;
    const mine: Promise<void> = gql(ReportingMarketsDocument).then(
      (data) => {
        // a later ask (another user, or a fresh one) has the last word
        if (asking !== mine) return;
        markets.value = data.myReportingMarkets;
        answered = true;
      },
      (error: unknown) => {
        if (asking === mine) asking = null;
        throw error;
      },
    );
    asking = mine;
    return mine;
  }

  /** Signed out: nobody's markets. */
  function forget(): void {
    askedFor = null;
    asking = null;
    markets.value = [];
  }

  return { markets, load, forget };
});
