import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { StoredEvent } from '../events/domain-events';
import { JobRegistry } from '../events/job-registry';
import { AuthService } from '../identity/auth.service';
import { MemberRole } from '../identity/membership.entity';
import { OrganisationService } from '../identity/organisation.service';
import type { NotificationMessage } from './notification-kinds';
import { NotificationService } from './notification.service';

type Decision = StoredEvent<'organisation.verified' | 'organisation.rejected' | 'organisation.suspended'>;

/** What an organisation's owners read about the platform's decision on it. */
export function decisionMessage(event: Decision): NotificationMessage {
  const { name } = event.payload;
  const link = `/console?org=${event.payload.organisationId}`;
  switch (event.type) {
    case 'organisation.verified':
      return {
        kind: 'organisation-verified',
        titleZh: `${name} 已通过认证`,
        titleEn: `${name} is verified`,
        bodyZh: '您的供应现在对买家公开。',
        bodyEn: 'Your listings are now public to buyers.',
        link,
      };
    case 'organisation.rejected': {
      const reason = (event as StoredEvent<'organisation.rejected'>).payload.reason;
      return {
        kind: 'organisation-rejected',
        titleZh: `${name} 认证未通过`,
        titleEn: `${name} was not verified`,
        bodyZh: `原因：${reason}`,
        bodyEn: `Reason: ${reason}`,
        link,
      };
    }
    case 'organisation.suspended': {
      const reason = (event as StoredEvent<'organisation.suspended'>).payload.reason;
      return {
        kind: 'organisation-suspended',
        titleZh: `${name} 已被暂停`,
        titleEn: `${name} is suspended`,
        bodyZh: `您的供应已下架。原因：${reason}`,
        bodyEn: `Your listings are no longer public. Reason: ${reason}`,
        link,
      };
    }
  }
}

/**
 * Tells owners about decisions on their organisation, and platform admins about organisations
 * waiting for them. Run by the job queue after the decision committed, at least once; a
 * notification goes out once because it is written in the handler's own transaction.
 */
@Injectable()
export class OrganisationNotices implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly notifications: NotificationService,
    private readonly organisations: OrganisationService,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.jobs.on('notify-organisation-decision', ['organisation.verified', 'organisation.rejected', 'organisation.suspended'], async (event, em) => {
      const owners = await this.organisations.memberIds(event.payload.organisationId, MemberRole.OWNER, em);
      await this.notifications.notify(em, owners, decisionMessage(event));
    });
    this.jobs.on('notify-admins-of-application', ['organisation.applied'], async (event, em) => {
      const { name, organisationId } = event.payload;
      await this.notifications.notify(em, await this.auth.platformAdminIds(), {
        kind: 'organisation-applied',
        titleZh: `新组织待认证：${name}`,
        titleEn: `New organisation to verify: ${name}`,
        bodyZh: '请在管理后台审核其资料。',
        bodyEn: 'Review its details in the admin area.',
        link: `/admin?org=${organisationId}`,
      });
    });
  }
}
