import { describe, expect, it } from 'vitest';
import { placeLabels, project, textSize, type LabelItem, type TextMetrics } from '../../../client/layers/labelPlacement.js';

const M: TextMetrics = { fontPx: 12, maxWidthPx: 168, lineHeightPx: 14, charWidth: 0.6 };

describe('point-name placement', () => {
  it('when projecting, then zoom 0 maps the world onto 512 px with (0,0) in the middle', () => {
    expect(project(0, 0, 0)).toEqual([256, 256]);
    const [x, y] = project(180, 85, 0);
    expect(x).toBe(512);
    expect(y).toBeLessThan(1);
  });

  it('when a name is longer than the wrap width, then it takes more lines', () => {
    expect(textSize('abc', M)).toEqual([3 * 0.6 * 12, 14]);
    expect(textSize('x'.repeat(40), M)).toEqual([168, 28]);
  });

  it('when points are far apart, then every name goes to the right of its dot', () => {
    const items: LabelItem[] = [
      { id: 'a', lon: 24.0, lat: -17.5, text: 'A crossing', radius: 10 },
      { id: 'b', lon: 25.0, lat: -17.5, text: 'B crossing', radius: 10 },
    ];
    const placed = placeLabels(items, 9, M);
    expect(placed.get('a')?.anchor).toBe('start');
    expect(placed.get('b')?.anchor).toBe('start');
    expect(placed.get('a')?.offset[0]).toBeGreaterThan(10);
  });

  it('when a neighbour sits to the right, then the later name moves to another side', () => {
    // Katima Mulilo bridge post and the Sesheke pontoon, 3.7 km apart, at zoom 10.5.
    const items: LabelItem[] = [
      { id: 'official', lon: 24.28, lat: -17.48, text: 'Katima Mulilo Bridge border post (Sesheke)', radius: 10 },
      { id: 'informal', lon: 24.315, lat: -17.472, text: 'Sesheke pontoon crossing (informal)', radius: 9 },
    ];
    const placed = placeLabels(items, 10.5, M);
    expect(placed.get('official')).toBeDefined();
    expect(placed.get('informal')).toBeDefined();
    expect(placed.get('official')?.anchor).not.toBe('start');
  });

  it('when there is no free spot, then the lower-priority name is left out', () => {
    // Five points on one spot: right, left, below and above fill up; the fifth has nowhere to go.
    const items: LabelItem[] = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ id, lon: 28, lat: -15, text: 'Name', radius: 10 }));
    const placed = placeLabels(items, 3, M);
    expect([...placed.keys()]).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(new Set([...placed.values()].map((p) => `${p.anchor}/${p.baseline}`)).size).toBe(4);
  });
});
