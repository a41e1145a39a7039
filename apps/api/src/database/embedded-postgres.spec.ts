import { describe, expect, it } from 'vitest';
import { relocatedBinariesDir, relocatedClusterDir } from './embedded-postgres';

describe('where the embedded PostgreSQL keeps what its user cannot reach', () => {
  it('keeps one copy of the binaries per package version', () => {
    expect(relocatedBinariesDir('/var/lib/xiangnong', '18.4.0-beta.17')).toBe('/var/lib/xiangnong/postgres-18.4.0-beta.17');
  });

  it('finds the same cluster again for the same data folder, and a different one for another', () => {
    const first = relocatedClusterDir('/var/lib/xiangnong', '/root/xiangnong/.data/postgres');
    expect(first).toMatch(/^\/var\/lib\/xiangnong\/clusters\/postgres-[0-9a-f]{8}$/);
    expect(relocatedClusterDir('/var/lib/xiangnong', '/root/xiangnong/.data/postgres')).toBe(first);
    expect(relocatedClusterDir('/var/lib/xiangnong', '/root/other-clone/.data/postgres')).not.toBe(first);
  });
});
