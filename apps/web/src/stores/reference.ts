import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { gql } from '../graphql';
import {
  CHANNELS,
  COUNTIES,
  REFERENCE,
  type Certification,
  type Channel,
  type ChannelsResult,
  type CountiesResult,
  type County,
  type ReferenceResult,
  type Unit,
} from '../graphql/operations';

/**
 * Reference data that rarely changes (channels with their attribute schemas, units, certifications,
 * counties). Each list is fetched at most once per page load and shared by every page.
 */
export const useReferenceStore = defineStore('reference', () => {
  const channels = ref<Channel[]>([]);
  const units = ref<Unit[]>([]);
  const certifications = ref<Certification[]>([]);
  const counties = ref<County[]>([]);

  let channelsLoad: Promise<void> | null = null;
  let referenceLoad: Promise<void> | null = null;
  let countiesLoad: Promise<void> | null = null;

  /** Channels in the order the platform configured, never a hard-coded list. */
  const sortedChannels = computed(() => [...channels.value].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)));

  function loadChannels(): Promise<void> {
    channelsLoad ??= gql<ChannelsResult>(CHANNELS, undefined, { anonymous: true })
      .then((data) => {
        channels.value = data.channels;
      })
      .catch((error: unknown) => {
        channelsLoad = null;
        throw error;
      });
    return channelsLoad;
  }

  function loadReference(): Promise<void> {
    referenceLoad ??= gql<ReferenceResult>(REFERENCE, undefined, { anonymous: true })
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
    countiesLoad ??= gql<CountiesResult>(COUNTIES, undefined, { anonymous: true })
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

  return { channels, sortedChannels, units, certifications, counties, loadChannels, loadReference, loadCounties, channelByCode };
});
