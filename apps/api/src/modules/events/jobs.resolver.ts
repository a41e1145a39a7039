import { Args, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { Ctx, RequestContext } from '../../common/request-context';
import { JobAdminService } from './job-admin.service';

@ObjectType({ description: '任务队列 / The job queue and the outbox, as operators watch them' })
export class JobQueueStatus {
  @Field(() => Int, { description: 'Jobs waiting to run, retries included' })
  waiting!: number;

  @Field(() => Int)
  running!: number;

  @Field(() => Int, { description: 'Jobs waiting for a retry after a failed attempt' })
  retrying!: number;

  @Field(() => Int, { description: 'Work on the failed list' })
  failed!: number;

  @Field(() => Int, { description: 'Committed events not yet handed to the queue' })
  outboxWaiting!: number;

  @Field(() => Float, { description: 'Age in seconds of the oldest event not yet handed to the queue' })
  outboxLagSeconds!: number;

  @Field(() => Float, { description: 'How long in seconds the oldest runnable job has waited' })
  queueLagSeconds!: number;
}

@ObjectType('FailedJobEvent')
export class FailedJobEventView {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field()
  aggregate!: string;

  @Field()
  aggregateId!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('FailedJob', { description: '失败任务 / Work that failed on its last attempt' })
export class FailedJobView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The event handler or schedule' })
  handler!: string;

  @Field()
  error!: string;

  @Field(() => Int)
  attempts!: number;

  @Field()
  failedAt!: Date;

  @Field(() => FailedJobEventView, { nullable: true, description: 'The event it could not take; null for a scheduled run' })
  event!: FailedJobEventView | null;
}

const FailedJobConnection = Connection(FailedJobView, 'FailedJob');
type FailedJobConnection = InstanceType<typeof FailedJobConnection>;

@Resolver()
export class JobsResolver {
  constructor(private readonly jobs: JobAdminService) {}

  @Query(() => JobQueueStatus, { description: '任务队列状态 (admins)' })
  jobQueue(@Ctx() ctx: RequestContext): Promise<JobQueueStatus> {
    ctx.requireAdmin();
    return this.jobs.status();
  }

  @Query(() => FailedJobConnection, { description: '失败任务 (admins), newest first' })
  failedJobs(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<FailedJobConnection> {
    return this.jobs.failures(ctx, page);
  }

  @Mutation(() => Boolean, { description: '重试失败任务 (admins) / Put failed work back on the queue' })
  retryFailedJob(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.jobs.retry(ctx, id);
  }
}
