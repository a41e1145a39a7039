import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PUBLIC_DATA_CHANNEL } from '../../common/public-cache/public-data.listener';
import { PgNotificationHub } from '../../common/pg-notifications';
import { pooledQuery } from '../../common/sql';

export interface Named {
  zh: string;
  en: string;
}

export interface CategoryLabel extends Named {
  channel: string;
}

interface Labels {
  channels: Map<string, Named>;
  categories: Map<number, CategoryLabel>;
}

/**
 * Channel and category names, which every search checks its filters against and labels its facets
 * with, kept in memory: they change when an admin adds a channel, and the database announces that
 * (as it does for the response cache), so the copy is dropped then and read again at once, before
 * a search needs it. While announcements cannot be heard, nothing is kept.
 */
@Injectable()
export class SearchLabels implements OnModuleInit, OnModuleDestroy {
  private labels: Promise<Labels> | undefined;
  private listening = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly hub: PgNotificationHub,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.hub.subscribe(PUBLIC_DATA_CHANNEL, {
      // listing changes (the most frequent) leave names as they are; anything else may rename
      heard: (payload) => {
        if (!payload?.startsWith('listing:')) this.readAgain();
      },
      connected: () => {
        this.listening = true;
        this.readAgain();
      },
      lost: () => {
        this.listening = false;
        this.labels = undefined;
      },
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private readAgain(): void {
    this.labels = undefined;
    // a failed read is tried again by the next search
    this.get().catch(() => undefined);
  }

  async get(): Promise<Labels> {
    if (!this.listening) return this.read();
    this.labels ??= this.read().catch((error: unknown) => {
      this.labels = undefined;
      throw error;
    });
    return this.labels;
  }

  private async read(): Promise<Labels> {
    const [channels, categories] = await Promise.all([
      pooledQuery<{ code: string; name_zh: string; name_en: string }>(this.em, 'select code, name_zh, name_en from channel', []),
      pooledQuery<{ id: number; channel_code: string; name_zh: string; name_en: string }>(this.em, 'select id, channel_code, name_zh, name_en from category', []),
    ]);
    return {
      channels: new Map(channels.map((c) => [c.code, { zh: c.name_zh, en: c.name_en }])),
      categories: new Map(categories.map((c) => [c.id, { zh: c.name_zh, en: c.name_en, channel: c.channel_code }])),
    };
  }
}
