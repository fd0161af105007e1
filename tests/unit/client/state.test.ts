import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../../common/vocabulary.js';
import {
  DEFAULT_LAYERS,
  decodeState,
  defaultState,
  encodeState,
  formatViewport,
  hashHasView,
  parseViewport,
  withLayer,
  withServiceKind,
} from '../../../client/state.js';

describe('URL state', () => {
  it('when the hash is empty, then the defaults apply', () => {
    const s = decodeState('');
    expect(s.view).toEqual(defaultState().view);
    expect([...s.layers]).toEqual([...DEFAULT_LAYERS]);
    expect(s.serviceKinds.size).toBe(SERVICE_KINDS.length);
    expect(hashHasView('')).toBe(false);
  });

  it('when a state is encoded and decoded, then it comes back the same', () => {
    let s = defaultState();
    s = { ...s, view: { lat: -9.32, lon: 32.76, zoom: 12 } };
    s = withLayer(withLayer(s, 'sites', true), 'labels', false);
    s = withServiceKind(s, 'cwac', false);
    const hash = encodeState(s);
    expect(hash).toBe('#v=-9.32,32.76,12&l=points,services,sites&s=health,police_vsu,social_welfare,shelter,immigration,legal_aid,one_stop_centre,ngo_help_desk');
    const back = decodeState(hash);
    expect(back.view).toEqual(s.view);
    expect([...back.layers].sort()).toEqual([...s.layers].sort());
    expect(back.serviceKinds.has('cwac')).toBe(false);
    expect(back.serviceKinds.size).toBe(SERVICE_KINDS.length - 1);
  });

  it('when every layer is off, then the empty list survives the round trip', () => {
    const s = decodeState('#v=1,2,3&l=');
    expect(s.layers.size).toBe(0);
    expect(encodeState(s)).toBe('#v=1,2,3&l=');
  });

  it('when the viewport is malformed, then it is ignored rather than half-applied', () => {
    expect(parseViewport('abc')).toBeNull();
    expect(parseViewport('1,2')).toBeNull();
    expect(parseViewport('1,2,3,4')).toBeNull();
    expect(parseViewport('1,,3')).toBeNull();
    expect(hashHasView('#v=1,x,3')).toBe(false);
    expect(decodeState('#v=nonsense').view).toEqual(defaultState().view);
  });

  it('when values are out of range, then they are clamped', () => {
    expect(parseViewport('-95,200,40')).toEqual({ lat: -85, lon: 180, zoom: 18 });
  });

  it('when names are unknown, then they are dropped', () => {
    const s = decodeState('#l=points,bogus&s=health,<script>');
    expect([...s.layers]).toEqual(['points']);
    expect([...s.serviceKinds]).toEqual(['health']);
  });

  it('when a viewport is formatted, then it is short (4 decimals, no trailing zeros)', () => {
    expect(formatViewport({ lat: -17.550004, lon: 24.6, zoom: 9.0001 })).toBe('-17.55,24.6,9');
    expect(formatViewport({ lat: -15.123456, lon: 28.987654, zoom: 11.456 })).toBe('-15.1235,28.9877,11.46');
  });
});
