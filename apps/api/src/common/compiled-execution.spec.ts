import { buildSchema, execute, GraphQLError, type GraphQLSchema, parse } from 'graphql';
import * as jit from 'graphql-jit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compiledExecution } from './compiled-execution';

vi.mock('graphql-jit', async (importOriginal) => {
  const actual = await importOriginal<typeof import('graphql-jit')>();
  return { ...actual, compileQuery: vi.fn(actual.compileQuery) };
});

const schema = buildSchema(`
  type Query { listings(first: Int!, channel: String): [Listing!]!  failing: String  broken: String  who: String }
  type Listing { id: ID!  title: String!  seller: Seller  priceFen: Int }
  type Seller { name: String! }
`);
const rows = [
  { id: '1', title: '安化黑茶 千两茶', channel: 'tea', seller: { name: '云台山合作社' }, priceFen: 9800 },
  { id: '2', title: '麻阳冰糖橙', channel: 'fruit', seller: null, priceFen: null },
  { id: '3', title: '古丈毛尖', channel: 'tea', seller: { name: '古丈茶场' }, priceFen: 26000 },
];
const soldOut = Object.assign(new Error('卖完了 / sold out'), { extensions: { code: 'stock/sold-out' } });
const rootValue = {
  listings: ({ first, channel }: { first: number; channel?: string }) => rows.filter((r) => !channel || r.channel === channel).slice(0, first),
  failing: () => {
    throw soldOut;
  },
  broken: async () => {
    throw new Error('无货 / none left');
  },
  who: (_args: unknown, context: { user: string }) => context.user,
};
// the executor passes no root value: resolvers come with the schema, as Nest's do
for (const [name, resolve] of Object.entries(rootValue)) {
  schema.getQueryType()!.getFields()[name]!.resolve = (_source, args, context) => (resolve as (a: unknown, c: unknown) => unknown)(args, context);
}

async function executorFor(s: GraphQLSchema) {
  const gateway = compiledExecution(() => s);
  let served: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (served = apiSchema));
  const { executor } = await gateway.load({ apollo: { graphRef: 'local' } as never });
  const run = (source: string | ReturnType<typeof parse>, variables?: Record<string, unknown>, context: object = { user: '买家' }) => {
    const document = typeof source === 'string' ? parse(source) : source;
    return executor!({ schema: s, document, operationName: null, request: { variables }, context } as never);
  };
  return { served, run };
}

describe('compiled execution', () => {
  beforeEach(() => {
    vi.mocked(jit.compileQuery).mockClear();
  });

  it('serves the schema it was given', async () => {
    expect((await executorFor(schema)).served).toBe(schema);
  });

  it('answers exactly as graphql-js, and compiles a document only when it is run again', async () => {
    const { run } = await executorFor(schema);
    const document = parse('query Page($first: Int!, $channel: String) { listings(first: $first, channel: $channel) { id title seller { name } priceFen } who }');
    const variables = { first: 2, channel: 'tea' };
    const expected = await execute({ schema, document, variableValues: variables, contextValue: { user: '买家' } });
    expect(expected.data?.listings).toHaveLength(2);

    expect(await run(document, variables)).toEqual(expected);
    expect(jit.compileQuery).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) expect(JSON.parse(JSON.stringify(await run(document, variables)))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
    // other variables, same compiled form
    const all = await run(document, { first: 10 });
    expect((all.data?.listings as unknown[]).length).toBe(3);
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
  });

  it('words a refused variable as graphql-js does, compiled or not', async () => {
    const { run } = await executorFor(schema);
    const document = parse('query Page($first: Int!) { listings(first: $first) { id } }');
    const expected = await execute({ schema, document, variableValues: { first: 'twenty' } });
    expect(expected.errors?.[0]?.message).toMatch(/^Variable "\$first" got invalid value "twenty"/);
    for (let i = 0; i < 3; i++) {
      const result = await run(document, { first: 'twenty' });
      expect(result.data).toBeUndefined();
      expect(result.errors?.map((e) => [e.message, e.nodes?.[0]?.kind])).toEqual(expected.errors?.map((e) => [e.message, e.nodes?.[0]?.kind]));
    }
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
  });

  it('keeps a resolver error beside the data it could give', async () => {
    const { run } = await executorFor(schema);
    const document = parse('{ failing listings(first: 1) { id } broken }');
    for (let i = 0; i < 3; i++) {
      const result = await run(document);
      expect(result.data).toEqual({ failing: null, listings: [{ id: '1' }], broken: null });
      expect(result.errors?.map((e) => [e.message, e.path, e.extensions])).toEqual([
        ['卖完了 / sold out', ['failing'], { code: 'stock/sold-out' }],
        ['无货 / none left', ['broken'], {}],
      ]);
      // read as graphql-js errors are: a GraphQLError carrying what the resolver threw, where it was asked for
      expect(result.errors?.[0]).toBeInstanceOf(GraphQLError);
      expect(result.errors?.[0]?.originalError).toBe(soldOut);
      expect(result.errors?.[0]?.locations).toEqual([{ line: 1, column: 3 }]);
    }
  });
});

describe('compiled values of fields', () => {
  const facets = buildSchema(`
    type Query { counties: [Facet]!  one: Facet }
    type Facet { value: String!  label: String  count: Int!  share: Float  chosen: Boolean! }
  `);
  const answers: Record<string, object> = {
    'a value of each field as it should be': { counties: [{ value: '430923', label: '安化县', count: 3, share: 0.5, chosen: true }], one: null },
    'a missing value where one is required, in a list': {
      counties: [{ value: '430923', label: '安化县', count: 3, chosen: false }, { value: null, label: '麻阳', count: 1, chosen: false }],
    },
    'values not of their type': {
      counties: [{ value: 7, label: { toString: () => '古丈' }, count: 1, share: Number.NaN, chosen: 1 }, { value: '2', count: 2 ** 40, chosen: true }],
      one: { value: 'x', count: 2.5, chosen: true },
    },
    'an error where a value was expected': { counties: [{ value: '1', label: new Error('名称暂缺 / no name yet'), count: 1, chosen: false }], one: { value: new Error('无 / none'), count: 1, chosen: true } },
  };

  it.each(Object.keys(answers))('answers %s as graphql-js does, errors, paths and locations included', async (name) => {
    const root = answers[name]!;
    for (const [field, value] of Object.entries(root)) facets.getQueryType()!.getFields()[field]!.resolve = () => value;
    const { run } = await executorFor(facets);
    const document = parse('{ counties { value label count share chosen }\n  one { value count label chosen } }');
    const expected = await execute({ schema: facets, document });
    const shape = (result: Awaited<ReturnType<typeof run>>) => ({
      data: result.data,
      // in the order of their paths: the compiled executor reports a list's errors in another order
      errors: result.errors?.map((e) => ({ message: e.message, path: e.path, locations: e.locations })).sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1)),
    });
    // the first runs are graphql-js's own; the later ones compiled
    vi.mocked(jit.compileQuery).mockClear();
    for (let i = 0; i < 4; i++) expect(shape(await run(document))).toEqual(shape(expected));
    expect(jit.compileQuery).toHaveBeenCalledTimes(1);
  });
});

describe('Apollo Server behind the executor seam', () => {
  it('hands the executor a response whose status is a class accessor, not one made for each request', async () => {
    const { ApolloServer } = await import('@apollo/server');
    const seen: object[] = [];
    const gateway = compiledExecution(() => schema);
    const server = new ApolloServer({
      gateway: {
        ...gateway,
        async load(options) {
          const { executor } = await gateway.load(options);
          return {
            executor: (requestContext) => {
              const http = requestContext.response!.http as { status?: number };
              seen.push(http);
              http.status = 203;
              return executor!(requestContext);
            },
          };
        },
      },
    });
    await server.start();
    try {
      for (let i = 0; i < 2; i++) {
        const answer = await server.executeOperation({ query: '{ who }' });
        expect(answer.http.status).toBe(203);
      }
    } finally {
      await server.stop();
    }
    // an accessor of the object itself (an object literal's get/set) gives each response its own hidden class,
    // which outlives young-generation collections and keeps every request reachable until a full one
    expect(seen.map((http) => Object.getOwnPropertyDescriptor(http, 'status'))).toEqual([undefined, undefined]);
    expect(Object.getPrototypeOf(seen[0])).toBe(Object.getPrototypeOf(seen[1]));
    expect((seen[0] as { status?: number }).status).toBe(203);
  });
});
