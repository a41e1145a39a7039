import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { Problem, resultUnion } from './result-union';

class Done {
  ok = true;
}

describe('result unions', () => {
  const result = resultUnion('Test', Done, ['request/page-size']);

  it('gives an expected refusal to the client as data, with the catalogue’s code and messages', async () => {
    const outcome = await result.settle(async () => {
      throw new DomainError('request/page-size', { max: 100 });
    });
    expect(outcome).toBeInstanceOf(Problem);
    expect(outcome).toEqual(Object.assign(new Problem(), { code: 'request/page-size', messageZh: '每页最多 100 条', messageEn: 'At most 100 items per page', details: '{"max":100}' }));
  });

  it('keeps every other failure an error, and passes success through', async () => {
    await expect(result.settle(async () => Promise.reject(new DomainError('auth/forbidden')))).rejects.toMatchObject({ code: 'auth/forbidden' });
    await expect(result.settle(async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await result.settle(async () => new Done())).toBeInstanceOf(Done);
  });
});
