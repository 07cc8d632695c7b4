import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../core/report/index.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';

describe('renderJson', () => {
  it('is the model, full precision', () => {
    const model = sampleDebrief();
    expect(JSON.parse(renderJson(model))).toEqual(model);
    expect(renderJson(model)).toContain('"percent": 68.05555555555556');
  });

  it('writes keys in a stable order whatever order the model was built in', () => {
    const model = sampleDebrief();
    const shuffled = JSON.parse(JSON.stringify(model, Object.keys(model).reverse().concat(Object.keys(model.session).reverse()).concat(['name', 'role', 'role_title', 'id', 'title', 'level', 'content_hash', 'points', 'possible', 'percent'])));
    expect(Object.keys(shuffled)[0]).not.toBe('format');
    const text = renderJson(model);
    // format, then the score (the overall rating leads), then the rest alphabetically.
    expect(text.startsWith('{\n  "format": "drillbook/debrief@1",\n  "score": {\n    "capped_by": null,')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'score', ...Object.keys(model).filter((k) => k !== 'format' && k !== 'score').sort()]);
    const keys = Object.keys(JSON.parse(text).session as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('applies the options', () => {
    const anonymous = JSON.parse(renderJson(sampleDebrief(), { anonymize: true, includeNotes: false }));
    expect(JSON.stringify(anonymous)).not.toMatch(/Alice|Bjorn|Chen|Priya|Dana/);
    expect(anonymous.notes).toEqual([]);
    expect(anonymous.timeline.some((e: { kind: string }) => e.kind === 'note')).toBe(false);
    expect(anonymous.hotwash).toHaveLength(2);
  });
});
