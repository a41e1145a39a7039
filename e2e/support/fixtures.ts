import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { usccCheckCharacter } from '@xiangnong/domain';

// A 24×16 RGB gradient: a real, decodable PNG so the server's content sniffing and the <img> both accept it.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAACzUlEQVR42g3MIe93QADA8efl/JPwnSRJkiRJkiRJJtgFE0ywC3bBBBNMsAt26dIlSbpX9Pw+L+Dz768laAlbopa4JWlJW7KWvKVoKVuqlrqlaela+paxZW5ZWtaWveVsuVueln9/gkAQCiJBLEgEqSAT5IJCUAoqQS1oBJ2gF4yCWbAIVsEuOAW34BG/aCAYCAeigXggGUgHsoF8oBgoB6qBeqAZ6Ab6gXFgHlgG1oF94By4B57hF00EE+FENBFPJBPpRDaRTxQT5UQ1UU80E91EPzFOzBPLxDqxT5wT98Qz/SJJIAklkSSWJJJUkklySSEpJZWkljSSTtJLRsksWSSrZJecklvyyF+kCBShIlLEikSRKjJFrigUpaJS1IpG0Sl6xaiYFYtiVeyKU3ErHvWLNoKNcCPaiDeSjXQj28g3io1yo9qoN5qNbqPfGDfmjWVj3dg3zo1749l+0UFwEB5EB/FBcpAeZAf5QXFQHlQH9UFz0B30B+PBfLAcrAf7wXlwHzzHL7oILsKL6CK+SC7Si+wivyguyovqor5oLrqL/mK8mC+Wi/Vivzgv7ovn+kWaQBNqIk2sSTSpJtPkmkJTaipNrWk0nabXjJpZs2hWza45Nbfm0b/IEBhCQ2SIDYkhNWSG3FAYSkNlqA2NoTP0htEwGxbDatgNp+E2POYXWQJLaIkssSWxpJbMklsKS2mpLLWlsXSW3jJaZstiWS275bTclsf+IkfgCB2RI3YkjtSROXJH4SgdlaN2NI7O0TtGx+xYHKtjd5yO2/G4X/QSvIQv0Uv8krykL9lL/lK8lC/VS/3SvHQv/cv4Mr8sL+vL/nK+3C/P+4s+go/wI/qIP5KP9CP7yD+Kj/Kj+qg/mo/uo/8YP+aP5WP92D/Oj/vj+X6RJ/CEnsgTexJP6sk8uafwlJ7KU3saT+fpPaNn9iye1bN7Ts/teTz/AbOH5hCzhvIzAAAAAElFTkSuQmCC';

/** Writes the PNG into the run's files folder, which the global teardown removes. */
export function writeTestPng(): string {
  const path = join(inject('filesDir'), 'anhua-dark-tea.png');
  writeFileSync(path, Buffer.from(PNG_BASE64, 'base64'));
  return path;
}

/** Digits that differ between runs, so phones, codes and titles never collide in a reused database. */
export function runSuffix(): string {
  return String(Date.now()).slice(-8);
}

/** 137 + 8 digits: a valid mainland mobile number unlikely to clash with the demo accounts. */
export function uniquePhone(suffix: string): string {
  return `137${suffix.padStart(8, '0').slice(-8)}`;
}

/** A 统一社会信用代码 with a correct check character, registered in 安化县 (430923). */
export function uniqueUscc(suffix: string): string {
  const body = `93430923MA${suffix.padStart(7, '0').slice(-7)}`;
  const check = usccCheckCharacter(body);
  if (!check) throw new Error(`cannot compute a check character for ${body}`);
  return body + check;
}
