// A consistent corpus, written for the purpose: every check reads it and finds nothing.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, workspaceFromFolder, check, inspect, shortLine } from '../helpers/engine';

describe('a consistent corpus', () => {
  const index = workspaceFromFolder(path.join(FIXTURES, 'consistent'));

  it('gives no finding at all', () => {
    const findings = check(index);
    assert.deepEqual(findings.map((d) => `${shortLine(index, d)}: ${d.message}`), []);
  });

  it('is read in full, so that the silence is the checks\' verdict and not a blind spot', () => {
    const act = inspect(index, 'trafficking-act.law.md');
    assert.deepEqual(act.offences.map((o: any) => [o.address, o.categories.includes('trafficking'), o.penalty.fineAlone]), [['3', true, false]]);
    assert.deepEqual(act.nonPunishment.map((c: any) => c.scope), ['any-law']);
    assert.deepEqual(act.overridingClauses.map((o: any) => o.address), ['6']);
    assert.deepEqual(act.ageThresholds.map((a: any) => a.under), [18]);
    assert.equal(act.victimDefinedRegardlessOfConviction, '2(c)');
    assert.deepEqual(act.remedies, [], 'compensation does not wait for a conviction');
    const code = inspect(index, 'penal-code.law.md');
    assert.deepEqual(code.offences.map((o: any) => o.description), ['5 to 10 years (rigorous), and fine', '5 to 10 years (rigorous), and fine']);
    const drugs = inspect(index, 'drugs-act.law.md');
    assert.deepEqual(drugs.offences[0].categories, ['drug-offence']);
  });
});
