#!/usr/bin/env node
// The yardstick: a bare node:http server that answers every request with the same bytes
// (a captured GraphQL response), so that the API's figures can be read against what this
// machine and Node can do with no framework, no GraphQL and no database.
//
//   node bench/bare-server.mjs <body-file>      prints "PORT <n>" once listening on 127.0.0.1
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/bare-server.mjs <body-file>');
  process.exit(1);
}
const body = readFileSync(file);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };

const server = createServer((request, response) => {
  // Read the request body like a real server would before answering.
  request.resume();
  request.on('end', () => {
    response.writeHead(200, headers);
    response.end(body);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`PORT ${typeof address === 'object' && address ? address.port : ''}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
