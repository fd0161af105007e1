import { describe, expect, it } from 'vitest';
import { apiParams, decodeFilters, defaultFilters, encodeFilters, isUnfiltered } from '../../../client/flows/filters.js';
import { decodeFlowView, defaultFlowView, encodeFlowView } from '../../../client/flows/view.js';
import { decodeState, defaultState, encodeState } from '../../../client/state.js';

describe('flow filters in the URL', () => {
  it('when nothing is filtered, then the hash gains nothing', () => {
    expect(encodeFilters(defaultFilters())).toEqual([]);
    expect(encodeState(defaultState())).toBe('#v=-13.5,27.5,4.6&l=points,services,labels');
    expect(isUnfiltered(defaultFilters())).toBe(true);
  });

  it('when every filter is set, then it survives the round trip through the hash', () => {
    const s = defaultState();
    s.flows = {
      show: false,
      lockScale: true,
      table: true,
      selected: 'place:12',
      cluster: false,
      fade: 70,
      top: 50,
      animate: true,
      filters: {
        from: '2026-01-01', to: '2026-03-31', direction: ['inbound', 'transit'], group: 'children',
        nationality: ['COD', 'ETH'], transport: ['bus'], reason: ['trade', 'asylum'],
        vulnerability: ['unaccompanied_child'], point: ['3', '7'], corridor: ['chirundu'], adm2: ['PRJ-ZM-SESHEKE', 'ZM9001'], level: 'country',
      },
    };
    const hash = encodeState(s);
    expect(hash).toContain('from=2026-01-01&to=2026-03-31&dir=inbound,transit&nat=COD,ETH');
    const back = decodeState(hash);
    expect(back.flows).toEqual(s.flows);
    expect(isUnfiltered(back.flows.filters)).toBe(false);
  });

  it('when the hash holds junk, then the bad parts are dropped and the rest kept', () => {
    const f = decodeFilters(new URLSearchParams('from=2026-02-30&to=2026-05-01&dir=inbound,sideways&nat=eth,ZMB&pt=0,5&grp=women&lvl=planet&cor=Nakonde,lusaka&adm2=PRJ-ZM-NAKONDE,<b>'));
    expect(f).toEqual({ ...defaultFilters(), to: '2026-05-01', direction: ['inbound'], nationality: ['ZMB'], point: ['5'], corridor: ['lusaka'], adm2: ['PRJ-ZM-NAKONDE'] });
  });

  it('when from is after to, then to is dropped rather than sending a request the server rejects', () => {
    const f = decodeFilters(new URLSearchParams('from=2026-05-01&to=2026-01-01'));
    expect([f.from, f.to]).toEqual(['2026-05-01', null]);
  });

  it('when the selected location id is odd, then it is ignored', () => {
    expect(decodeFlowView(new URLSearchParams('sel=<b>')).selected).toBeNull();
    expect(encodeFlowView(defaultFlowView())).toEqual([]);
  });
});

describe('API query building', () => {
  it('when a group is chosen, then it becomes sex or age, never both', () => {
    expect(apiParams({ ...defaultFilters(), group: 'female' }).toString()).toBe('sex=female');
    expect(apiParams({ ...defaultFilters(), group: 'adults' }).toString()).toBe('age=adults');
  });

  it('when lists are set, then they use the API parameter names, comma-joined', () => {
    const p = apiParams({ ...defaultFilters(), from: '2026-01-01', direction: ['outbound'], transport: ['foot', 'boat'], point: ['4'] }, { bucket: 'day' });
    expect(p.toString()).toBe('from=2026-01-01&direction=outbound&transport=foot%2Cboat&point=4&bucket=day');
  });
});
