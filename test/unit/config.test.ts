// lawmark.config.json: the zod schema, the taxonomy it extends, and the settings it changes.
import assert from 'node:assert/strict';
import { parseConfig, defaultConfig } from '../../server/src/config';
import { workspace, check } from '../helpers/engine';

const act = (id: string, title: string, jur: string, body: string, extra = '') =>
  `---\nid: ${id}\ntitle: ${title}\nkind: act\njurisdiction: ${jur}\nyear: 2010${extra}\n---\n\n# ${title}\n\n${body}`;

describe('configuration', () => {
  it('reads a valid file', () => {
    const { config, problems } = parseConfig('{ "severity": { "penalty-conflict": "error" }, "childAge": 16, "categories": { "organ-trade": { "phrases": ["sale of organs"], "grave": true } } }');
    assert.deepEqual(problems, []);
    assert.equal(config.severity['penalty-conflict'], 'error');
    assert.equal(config.childAge, 16);
    assert.deepEqual(config.categories['organ-trade'], { phrases: ['sale of organs'], status: undefined, grave: true });
  });

  it('reports each bad value with its path and where it stands, and falls back to the defaults', () => {
    const text = '{\n  "childAge": "eighteen",\n  "categories": { "Bad Name": { "phrases": "x" } },\n  "colour": 1\n}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config, defaultConfig());
    assert.deepEqual(problems.map((p) => p.path), ['childAge', 'categories.Bad Name', 'colour']);
    const age = problems.find((p) => p.path === 'childAge')!;
    assert.equal(text.slice(age.span.start, age.span.end), '"childAge": "eighteen"');
    assert.ok(problems.some((p) => /colour/.test(p.message)));
  });

  it('says what is wrong with JSON that does not parse', () => {
    const { problems } = parseConfig('{ "severity": ');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /not valid JSON/);
  });
});

describe('configuration changes what the checks find', () => {
  const organs = (id: string, title: string, years: string) =>
    act(id, title, 'ZQ', `## 1. Sale of organs\nWhoever arranges the sale of organs of another person shall be punished with imprisonment which may extend to ${years} years, and with fine.\n`, '\nexcerpt: true');
  const files = { 'a.law.md': organs('zq/a', 'Organ Act, 2010', 'five'), 'b.law.md': organs('zq/b', 'Health Act, 2011', 'ten') };

  it('a new category makes two laws on the same conduct comparable', () => {
    assert.equal(check(workspace(files)).filter((d) => d.code === 'penalty-conflict').length, 0, 'no shipped category covers "sale of organs"');
    const config = parseConfig('{ "categories": { "organ-trade": { "phrases": ["sale of organs"], "grave": true } } }').config;
    const found = check(workspace(files), config).filter((d) => d.code === 'penalty-conflict');
    assert.equal(found.length, 2);
    assert.match(found[0]!.message, /organ trade/);
  });

  it('severity: off silences a code, and a code can be raised', () => {
    const config = parseConfig('{ "categories": { "organ-trade": { "phrases": ["sale of organs"] } }, "severity": { "penalty-conflict": "error" } }').config;
    assert.ok(check(workspace(files), config).filter((d) => d.code === 'penalty-conflict').every((d) => d.severity === 'error'));
    const off = parseConfig('{ "categories": { "organ-trade": { "phrases": ["sale of organs"] } }, "severity": { "penalty-conflict": "off" } }').config;
    assert.equal(check(workspace(files), off).filter((d) => d.code === 'penalty-conflict').length, 0);
  });

  it('childAge sets the reference age of a child', () => {
    const f = { 'c.law.md': act('zq/c', 'Care Act, 2012', 'ZQ', '## 1. Definitions\nIn this Act, "child" means a person under sixteen years of age, and no child shall work.\n') };
    assert.equal(check(workspace(f)).filter((d) => d.code === 'child-age-inconsistency').length, 0, 'no reference: nothing to differ from');
    const found = check(workspace(f), parseConfig('{ "childAge": 18 }').config).filter((d) => d.code === 'child-age-inconsistency');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /under 16.*configured reference age \(childAge\) is under 18/);
  });

  it('exploitationForms adds forms that a definition of trafficking must cover', () => {
    const f = {
      't.law.md': act('zq/t', 'Trafficking Act, 2013', 'ZQ', '## 1. Definitions\nIn this Act, "trafficking" means moving a person for sexual exploitation, forced labour, slavery, servitude, removal of organs, domestic servitude, forced marriage, begging, pornography or drug trafficking.\n'),
    };
    assert.equal(check(workspace(f)).filter((d) => d.code === 'definition-coverage-gap').length, 0);
    const found = check(workspace(f), parseConfig('{ "exploitationForms": { "illegal adoption": ["illegal adoption", "sale of children for adoption"] } }').config).filter((d) => d.code === 'definition-coverage-gap');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /illegal adoption/);
  });
});
