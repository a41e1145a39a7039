import { cleanText, normalizeMobile, normalizeUscc, TEXT_RULES, usccProblem } from '@xiangnong/domain';
import { ApiError } from '../graphql/client';
import { message, type Message } from './messages';
import { textMessage } from './textMessages';

/**
 * Checks for the organisation forms (create in the console, edit in the profile card): the API's
 * rules from @xiangnong/domain, each problem on its own field.
 */

export const ORGANISATION_FORM_FIELDS = ['name', 'uscc', 'county', 'description', 'contactName', 'contactPhone'] as const;
export type OrganisationField = (typeof ORGANISATION_FORM_FIELDS)[number];
export type OrganisationErrors = Partial<Record<OrganisationField, Message>>;

export interface OrganisationFormValues {
  name: string;
  /** only when creating; the code cannot be changed afterwards */
  uscc?: string;
  countyCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
}

export interface CleanOrganisation {
  name: string;
  uscc: string | undefined;
  countyCode: string;
  /** '' when left empty (an update clears it) */
  description: string;
  contactName: string;
  /** the number as the API stores it (13912345678), or '' */
  contactPhone: string;
}

export function checkOrganisationForm(form: OrganisationFormValues): { errors: OrganisationErrors; values: CleanOrganisation | null } {
  const errors: OrganisationErrors = {};
  const name = textMessage(form.name, TEXT_RULES.organisationName, 'org.nameLength');
  if (name) errors.name = name;
  if (form.uscc !== undefined) {
    const problem = usccProblem(form.uscc);
    if (problem) errors.uscc = message(`org.usccProblems.${problem}`);
  }
  if (!form.countyCode) errors.county = message('org.countyRequired');
  const description = textMessage(form.description, TEXT_RULES.organisationDescription, 'org.descriptionLength');
  if (description) errors.description = description;
  const contactName = cleanText(form.contactName);
  const contactNameProblem = contactName === '' ? null : textMessage(contactName, TEXT_RULES.contactName, 'org.contactNameLength');
  if (contactNameProblem) errors.contactName = contactNameProblem;
  const phone = form.contactPhone.trim() === '' ? '' : normalizeMobile(form.contactPhone);
  if (phone === null) errors.contactPhone = message('auth.phoneInvalid');

  if (Object.keys(errors).length > 0) return { errors, values: null };
  return {
    errors,
    values: {
      name: cleanText(form.name),
      uscc: form.uscc === undefined ? undefined : normalizeUscc(form.uscc),
      countyCode: form.countyCode,
      description: cleanText(form.description),
      contactName,
      contactPhone: phone ?? '',
    },
  };
}

const FIELD_OF_CODE: Record<string, OrganisationField> = {
  'org/name-invalid': 'name',
  'org/uscc-invalid': 'uscc',
  'org/uscc-taken': 'uscc',
  'geo/county-required': 'county',
  'geo/county-unknown': 'county',
  'org/description-invalid': 'description',
  'org/contact-name-invalid': 'contactName',
};

const FIELD_OF_TEXT_RULE: Record<string, OrganisationField> = {
  organisationName: 'name',
  organisationDescription: 'description',
  contactName: 'contactName',
};

/**
 * The field an API refusal of an organisation form is about, with the API's words (`apiText`, in the
 * UI language) to show there; null when it names no field (then it goes in the form's error line).
 */
export function organisationErrorField(error: unknown, apiText: string): { field: OrganisationField; message: Message } | null {
  if (!(error instanceof ApiError)) return null;
  const field = fieldOfRefusal(error);
  return field ? { field, message: { text: apiText } } : null;
}

function fieldOfRefusal(error: ApiError): OrganisationField | null {
  const details = (error.details ?? {}) as { field?: string };
  if (error.code === 'auth/phone-invalid' && details.field === 'contactPhone') return 'contactPhone';
  if (error.code === 'input/invalid-text') return (details.field && FIELD_OF_TEXT_RULE[details.field]) || null;
  return FIELD_OF_CODE[error.code] ?? null;
}
