import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';
import { startProduct, type RunningProduct } from './product';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let product: RunningProduct | undefined;

export async function setup(project: TestProject): Promise<void> {
  // A missing browser must fail the run loudly; skipping would report journeys as green that never ran.
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} — install it with: apt-get install chromium`);
  }
  product = await startProduct();
  project.provide('baseUrl', product.baseUrl);
}

export async function teardown(): Promise<void> {
  await product?.stop();
}
