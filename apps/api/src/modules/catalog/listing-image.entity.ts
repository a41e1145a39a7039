import { Check, Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../identity/organisation.entity';
import { Listing } from './listing.entity';

/** An uploaded image. It belongs to an organisation from upload, and to a listing once attached. */
@Entity({ tableName: 'listing_image' })
@Check({ name: 'listing_image_size_positive', expression: 'byte_size > 0' })
export class ListingImage {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  @Index()
  organisation!: Organisation;

  @ManyToOne(() => Listing, { nullable: true, deleteRule: 'set null' })
  @Index()
  listing?: Listing;

  @Property({ type: 'smallint', default: 0 })
  position: number & Opt = 0;

  /** `<organisation>/<id>.<ext>` in the FileStorage (uploads folder or bucket); served at `/files/<key>` */
  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  @Property({ type: 'string', length: 30 })
  contentType!: string;

  @Property({ type: 'integer' })
  byteSize!: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
