import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationStream } from './notification-stream';
import { NotificationService } from './notification.service';
import { NotificationsResolver } from './notifications.resolver';
import { OrganisationNotices } from './organisation-notices';
// the module's error codes join the catalogue when the module is loaded
import './notifications.errors';

/** In-app notifications, live over GraphQL subscriptions on every instance. */
@Module({
  imports: [EventsModule, IdentityModule],
  providers: [NotificationService, NotificationStream, NotificationsResolver, OrganisationNotices],
  exports: [NotificationService],
})
export class NotificationsModule {}
