import type { FastifyInstance } from 'fastify';
import { formFields } from '../payments/alipay/alipay-notification';
import { AlipayPayments } from './alipay-payments';

export const ALIPAY_NOTIFY_PATH = '/api/payments/alipay/notify';

/**
 * Alipay's asynchronous notifications: a form post whose body is read as text, so that the SDK
 * checks the signature over exactly the fields sent. The answer is the plain text Alipay looks for:
 * `success` stops its retries, anything else makes it try again later.
 */
export async function registerAlipayNotify(fastify: FastifyInstance, alipay: AlipayPayments): Promise<void> {
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.post(ALIPAY_NOTIFY_PATH, async (request, reply) => {
      const fields = formFields(String(request.body ?? ''));
      const answer = fields ? await alipay.receive(fields) : 'fail';
      return reply.status(200).type('text/plain; charset=utf-8').send(answer);
    });
  });
}
