import { describe, expect, it } from 'vitest';
import { briefView } from '../../../client/briefs/request.js';
import { decodeState } from '../../../client/state.js';

describe('the brief composer starts from the URL state', () => {
  it('when a saved plan is shown (plan=<id> in the link), then the brief asks for it; without one it does not', () => {
    const withPlan = decodeState('#v=-17.47,24.3,10&pl=1&plan=12&from=2025-03-01&to=2025-05-31');
    const view = briefView(withPlan, 1000, { paper: 'A4', orientation: 'portrait' });
    expect(view).toMatchObject({ plan: '12', from: '2025-03-01', to: '2025-05-31', lat: '-17.47', lon: '24.3' });
    expect(briefView(decodeState('#v=-17.47,24.3,10&plan=0'), 1000, { paper: 'A4', orientation: 'portrait' })).not.toHaveProperty('plan');
  });
});
