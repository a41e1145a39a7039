import { Module } from '@nestjs/common';
import { FileStorageModule } from '../../common/file-storage/file-storage.module';
import { EventsModule } from '../events/events.module';
import { GeoModule } from '../geo/geo.module';
import { IdentityModule } from '../identity/identity.module';
import { CategoryResolver, ChannelResolver, ListingResolver, SellerListingFieldsResolver } from './catalog.resolver';
import { ChannelService } from './channel.service';
import { ListingReadModel } from './listing.read-model';
import { ListingService } from './listing.service';
import { StockService } from './stock.service';
import { UnattachedImagesService } from './unattached-images.service';
import { UploadController } from './upload.controller';
// the module's error codes join the catalogue when the module is loaded
import './catalog.errors';

@Module({
  imports: [EventsModule, FileStorageModule, GeoModule, IdentityModule],
  controllers: [UploadController],
  providers: [ChannelService, ListingService, ListingReadModel, StockService, UnattachedImagesService, ChannelResolver, CategoryResolver, ListingResolver, SellerListingFieldsResolver],
  exports: [ChannelService, ListingService, StockService, ListingReadModel],
})
export class CatalogModule {}
