// The scratch workspace of the real-editor tests: corpus/ copied, plus zz-e2e-broken.law.md (a
// broken reference) and zz-e2e-open.law.md (an instrument outside the corpus), so that the tests
// do not depend on which findings the other checks produce on the corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A scratch workspace: corpus/ copied, plus one file with a broken reference. */
export function makeScratchWorkspace(ws) {
  fs.cpSync(path.join(ROOT, 'corpus'), ws, { recursive: true });
  fs.writeFileSync(
    path.join(ws, 'zz-e2e-broken.law.md'),
    [
      '---',
      'id: zz/e2e-broken',
      'title: End-to-End Test Act, 2030',
      'kind: act',
      'jurisdiction: PK',
      'year: 2030',
      '---',
      '',
      '# End-to-End Test Act, 2030',
      '',
      '## 1. Offences',
      'An offence under section 61 of the Prevention of Trafficking in Persons Act, 2018 is an offence under this Act.',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(ws, 'zz-e2e-open.law.md'),
    ['---', 'id: zz/e2e-open', 'title: Second Test Act, 2030', 'kind: act', 'jurisdiction: PK', 'year: 2030', '---', '', '## 1. Offences', 'An offence under section 5 of the Imaginary Fisheries Act, 1999 is an offence under this Act.', ''].join('\n'),
  );
  return ws;
}

