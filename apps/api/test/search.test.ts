import { startTestApp } from './harness';
import { describeSearchContract } from './search.contract';

// the PostgreSQL engine, whatever the environment says about Meilisearch
describeSearchContract('PostgreSQL', () => startTestApp({ meili: undefined }));
