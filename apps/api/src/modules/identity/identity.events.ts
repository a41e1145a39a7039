import type { OrganisationKind } from './organisation.entity';

interface OrganisationRef {
  organisationId: string;
  name: string;
}

declare module '../events/domain-events' {
  interface EventPayloads {
    /** a new organisation waits for verification */
    'organisation.applied': OrganisationRef & { kind: OrganisationKind };
    'organisation.verified': OrganisationRef;
    'organisation.rejected': OrganisationRef & { reason: string };
    /** a verified organisation was taken off the market; its listings are hidden */
    'organisation.suspended': OrganisationRef & { reason: string };
    /** its profile changed (name, county, description or contact): the fields that did */
    'organisation.updated': OrganisationRef & { fields: string[] };
  }
}
