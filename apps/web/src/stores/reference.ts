import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { AttributeSchema } from '@xiangnong/domain';
import { gql } from '../graphql';
import {
  ChannelsDocument,
  CountiesDocument,
  ReferenceDocument,
  type ChannelsQuery,
  type CountyFieldsFragment,
  type ReferenceQuery,
  type UnitFieldsFragment,
} from '../graphql/generated/graphql';
import { toAttributeSchema } from '../lib/json';

/** A channel with its attribute schema read from the JSON the API sends. */
export type Channel = Omit<ChannelsQuery['channels'][number], 'attributeSchema'> & { attributeSchema: AttributeSchema };
export type Certification = ReferenceQuery['certifications'][number];

/**
 * Reference data that rarely changes (channels with their attribute schemas, units, certifications,
 * counties). Each list is fetched at most once per page load and shared by every page.
 */
export const useReferenceStore = defineStore('reference', () => {
  const channels = ref<Channel[]>([]);
  const units = ref<UnitFieldsFragment[]>([]);
  const certifications = ref<Certification[]>([]);
  const counties = ref<CountyFieldsFragment[]>([]);

  let channelsLoad: Promise<void> | null = null;
  let referenceLoad: Promise<void> | null = null;
  let countiesLoad: Promise<void> | null = null;

  /** Channels in the order the platform configured, never a hard-coded list. */
  const sortedChannels = computed(() => [...channels.value].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)));

  function loadChannels(): Promise<void> {
    channelsLoad ??= gql(ChannelsDocument, undefined, { anonymous: true })
      .then((data) => {
        channels.value = data.channels.map((channel) => ({ ...channel, attributeSchema: toAttributeSchema(channel.attributeSchema) }));
      })
      .catch((error: unknown) => {
        channelsLoad = null;
        throw error;
      });
    return channelsLoad;
  }

  function loadReference(): Promise<void> {
    referenceLoad ??= gql(ReferenceDocument, undefined, { anonymous: true })
      .then((data) => {
        units.value = data.units;
        certifications.value = data.certifications;
      })
      .catch((error: unknown) => {
        referenceLoad = null;
        throw error;
      });
    return referenceLoad;
  }

  function loadCounties(): Promise<void> {
    countiesLoad ??= gql(CountiesDocument, undefined, { anonymous: true })
      .then((data) => {
        counties.value = data.counties;
      })
      .catch((error: unknown) => {
        countiesLoad = null;
        throw error;
      });
    return countiesLoad;
  }

  function channelByCode(code: string): Channel | undefined {
    return channels.value.find((c) => c.code === code);
  }

  /** A category's id from its channel and slug (what addresses name it by); null when there is no such category. */
  function categoryId(channelCode: string | null, slug: string | null): string | null {
    if (!channelCode || !slug) return null;
    return channelByCode(channelCode)?.categories.find((c) => c.slug === slug)?.id ?? null;
  }

  return { channels, sortedChannels, units, certifications, counties, loadChannels, loadReference, loadCounties, channelByCode, categoryId };
});
