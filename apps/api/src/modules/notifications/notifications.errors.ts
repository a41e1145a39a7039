import { type CodesOf, defineErrors } from '../../common/errors';

export const NOTIFICATIONS_ERRORS = defineErrors({
  'notification/kind-unknown': ['未知的通知类型', 'Unknown kind of notification', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof NOTIFICATIONS_ERRORS> {}
}
