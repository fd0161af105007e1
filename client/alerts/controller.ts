import { type Map as MapLibreMap, Marker } from 'maplibre-gl';
import { type AlertView, OPEN_ALERT_STATUSES } from '../../common/alerts.js';
import type { Me } from '../../common/auth.js';
import type { ServiceProps } from '../../common/catalog.js';
import { api, type PointFeature } from '../api.js';
import { errorMessage } from '../auth/http.js';
import { el } from '../panels/dom.js';
import { alertsApi } from './api.js';
import { buildAlertsPanel, OPEN } from './panel.js';

const ANALYST_UP = ['analyst', 'planner', 'data_manager', 'admin'];
const POLL_MS = 60_000;

/**
 * Alerts in the app (issue 17): a header badge with the number of open alerts, the Alerts panel,
 * and a marker at each monitoring point with an open alert. Analysts and above only; the
 * returned function is told whenever who is signed in changes.
 */
export function startAlerts(ctx: { map: MapLibreMap; slot: HTMLElement; layout: HTMLElement }): (me: Me | null) => void {
  let me: Me | null = null;
  let timer: number | undefined;
  let markers: Marker[] = [];
  let services: Promise<PointFeature<ServiceProps>[]> | null = null;
  const badge = el('span', { class: 'alerts-badge', id: 'alerts-count' }, '0');
  const button = el('button', { type: 'button', class: 'header-button alerts-button', id: 'alerts-button', 'aria-expanded': 'false', hidden: true },
    'Alerts ', badge);
  ctx.slot.append(button);
  const panel = buildAlertsPanel({
    onStatus: () => void refresh(),
    onClose: () => toggle(false),
    onChanged: () => void refresh(),
    onRules: () => void import('./rules.js').then((m) => m.openRules()),
    services: () => (services ??= api.services().then((fc) => fc.features.sort((a, b) => a.properties.name.localeCompare(b.properties.name)))),
  });
  ctx.layout.append(panel.root);
  const rulesButton = panel.root.querySelector<HTMLElement>('#alerts-rules');
  button.addEventListener('click', () => toggle(panel.root.hidden));

  function toggle(open: boolean): void {
    panel.root.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) void refresh();
  }

  function mark(open: AlertView[]): void {
    for (const m of markers) m.remove();
    const byPoint = new Map<string, AlertView[]>();
    for (const a of open) if (a.point) byPoint.set(a.point.code, [...(byPoint.get(a.point.code) ?? []), a]);
    markers = [...byPoint.values()].map((as) => {
      const a = as[0] as AlertView;
      const node = el('button', { type: 'button', class: 'alert-marker', 'data-point': a.point?.code, 'aria-label': `${as.length} open alert(s) at ${a.scopeName}` }, String(as.length));
      node.addEventListener('click', (e) => {
        e.stopPropagation();
        toggle(true);
        panel.select(a.id);
      });
      return new Marker({ element: node }).setLngLat([a.point?.lon ?? 0, a.point?.lat ?? 0]).addTo(ctx.map);
    });
  }

  async function refresh(): Promise<void> {
    if (!me) return;
    try {
      const status = panel.status();
      const [shown, open] = await Promise.all([
        alertsApi.list(status),
        status === OPEN ? null : alertsApi.list(OPEN),
      ]);
      const openList = open ?? shown;
      badge.textContent = String(openList.open);
      button.classList.toggle('alerts-button--active', openList.open > 0);
      panel.show(shown.alerts);
      mark(openList.alerts.filter((a) => OPEN_ALERT_STATUSES.includes(a.status)));
    } catch (err) {
      button.title = errorMessage(err);
    }
  }

  return (who) => {
    me = who && ANALYST_UP.includes(who.role) ? who : null;
    button.hidden = me === null;
    if (rulesButton) rulesButton.hidden = !(me && (me.role === 'data_manager' || me.role === 'admin'));
    window.clearInterval(timer);
    if (!me) {
      toggle(false);
      mark([]);
      return;
    }
    void refresh();
    timer = window.setInterval(() => void refresh(), POLL_MS);
  };
}
