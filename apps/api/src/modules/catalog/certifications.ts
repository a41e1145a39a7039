import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertificationInfo {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** The certifications a listing can show (绿色食品, 有机, 地理标志 …), from the catalogue's reference data. */
export const CERTIFICATIONS: readonly CertificationInfo[] = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'reference-data', 'certifications.json'), 'utf8'),
) as CertificationInfo[];

export const CERTIFICATION_CODES: ReadonlySet<string> = new Set(CERTIFICATIONS.map((c) => c.code));
