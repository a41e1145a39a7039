import { type CodesOf, defineErrors } from '../../common/errors';

export const EVENTS_ERRORS = defineErrors({
  'jobs/failure-not-found': ['该失败任务不存在或已重试', 'This failed job does not exist or was retried already', 404],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof EVENTS_ERRORS> {}
}
