import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/graphql/client';
import { checkOrganisationForm, organisationErrorField, type OrganisationFormValues } from '../src/lib/organisationForm';

const valid: OrganisationFormValues = {
  name: '麻阳苗族自治县冰糖橙合作社',
  uscc: '91430923MA4L1234X0',
  countyCode: '431226',
  description: '',
  contactName: ' 滕果农 ',
  contactPhone: '139 0000 0012',
};

const check = (patch: Partial<OrganisationFormValues>) => checkOrganisationForm({ ...valid, ...patch, uscc: 'uscc' in patch ? patch.uscc : undefined });

describe('the organisation forms’ checks', () => {
  it('sends cleaned text and the mobile number as the API stores it', () => {
    expect(check({})).toEqual({
      errors: {},
      values: { name: valid.name, uscc: undefined, countyCode: '431226', description: '', contactName: '滕果农', contactPhone: '13900000012' },
    });
  });

  it('asks for the county when none is chosen, instead of calling it unknown', () => {
    expect(check({ countyCode: '' }).errors).toEqual({ county: { key: 'org.countyRequired' } });
  });

  it('leaves the contact optional but checks it when given', () => {
    expect(check({ contactName: '', contactPhone: '' }).values).toMatchObject({ contactName: '', contactPhone: '' });
    expect(check({ contactPhone: '12345' }).errors).toEqual({ contactPhone: { key: 'auth.phoneInvalid' } });
    expect(check({ contactName: '滕'.repeat(41) }).errors).toEqual({ contactName: { key: 'org.contactNameLength', params: { min: 1, max: 40 } } });
  });

  it('refuses a description over 2000 characters rather than cutting it', () => {
    expect(check({ description: '茶'.repeat(2000) }).errors).toEqual({});
    expect(check({ description: '茶'.repeat(2001) }).errors).toEqual({ description: { key: 'org.descriptionLength', params: { min: 0, max: 2000 } } });
  });

  it('checks the credit code when creating', () => {
    expect(check({ uscc: '' }).errors).toEqual({ uscc: { key: 'org.usccProblems.length' } });
  });

  it('places API refusals on their field', () => {
    const refusal = (code: string, details?: unknown) => new ApiError({ code, messageZh: 'zh', messageEn: 'en', details });
    const fieldOf = (error: unknown) => organisationErrorField(error, 'zh')?.field ?? null;
    expect(organisationErrorField(refusal('geo/county-required'), '请选择所在区县')).toEqual({ field: 'county', message: { text: '请选择所在区县' } });
    expect(fieldOf(refusal('auth/phone-invalid', { field: 'contactPhone' }))).toBe('contactPhone');
    expect(fieldOf(refusal('auth/phone-invalid'))).toBeNull();
    expect(fieldOf(refusal('org/contact-name-invalid'))).toBe('contactName');
    expect(fieldOf(refusal('input/invalid-text', { field: 'organisationDescription' }))).toBe('description');
    expect(fieldOf(refusal('org/uscc-taken'))).toBe('uscc');
    expect(fieldOf(new Error('offline'))).toBeNull();
  });
});
