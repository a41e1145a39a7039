import { Module } from '@nestjs/common';
import { JobAdminService } from './job-admin.service';
import { JobRegistry } from './job-registry';
import { JobRunnerService } from './job-runner.service';
import { JobsResolver } from './jobs.resolver';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { TaskQueue } from './task-queue';
// the module's error codes join the catalogue when the module is loaded
import './events.errors';

/**
 * Domain events through a transactional outbox, the job queue that delivers them, and schedules.
 * Below every domain module: they record events with OutboxService and register handlers and
 * schedules with JobRegistry; this module knows none of them.
 */
@Module({
  providers: [OutboxService, JobRegistry, OutboxRelay, JobRunnerService, JobAdminService, JobsResolver, TaskQueue],
  exports: [OutboxService, JobRegistry, JobAdminService, TaskQueue],
})
export class EventsModule {}
