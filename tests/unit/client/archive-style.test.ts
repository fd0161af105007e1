import { describe, expect, it } from 'vitest';
import { archiveStyle } from '../../../client/map/archiveStyle.js';

describe('the style for BASEMAP=pmtiles:…', () => {
  const style = archiveStyle('http://127.0.0.1:8080');

  it('names no host but the one serving Corridor: its archive, no glyphs, no sprites', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = JSON.stringify(style).match(/[a-z]+:\/\/[^"\s]+/g) ?? [];
    expect(urls).toEqual(['pmtiles://http://127.0.0.1:8080/api/v1/basemap/archive.pmtiles']);
  });

  it('keeps the land, water, road and boundary layers and leaves out those that need fonts or icons', () => {
    const ids = style.layers.map((l) => l.id);
    for (const id of ['background', 'earth', 'water', 'roads_highway', 'roads_major', 'boundaries_country']) expect(ids).toContain(id);
    expect(style.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });
});
