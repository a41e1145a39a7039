import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { sqlIn } from '../../common/sql';
import { JobRegistry } from './job-registry';
import { queuedTask } from './job-runner.service';

/** Asks for a registered task (JobRegistry.task) to run, in the transaction that asks: it runs if and only if that commits. */
@Injectable()
export class TaskQueue {
  constructor(private readonly registry: JobRegistry) {}

  async enqueue(em: EntityManager, name: string, payload: Record<string, unknown>): Promise<void> {
    if (!em.isInTransaction()) throw new Error('tasks are asked for inside the transaction that needs them');
    const task = this.registry.taskNamed(name);
    if (!task) throw new Error(`no task is registered as "${name}"`);
    await sqlIn(em)('select graphile_worker.add_job(?, ?::json, max_attempts => ?)', [queuedTask(name), JSON.stringify(payload), task.maxAttempts]);
  }
}
