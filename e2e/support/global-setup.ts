import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser';
import { startProduct, type RunningProduct } from './product';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Where journeys write the files they upload; removed at the end of the run. */
    filesDir: string;
  }
}

let product: RunningProduct | undefined;
let filesDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  // A missing browser must fail the run loudly; skipping would report journeys as green that never ran.
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} — install it with: apt-get install chromium`);
  }
  product = await startProduct();
  project.provide('baseUrl', product.baseUrl);
  filesDir = mkdtempSync(join(tmpdir(), 'xiangnong-e2e-files-'));
  project.provide('filesDir', filesDir);
}

export async function teardown(): Promise<void> {
  try {
    await product?.stop();
  } finally {
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  }
}
