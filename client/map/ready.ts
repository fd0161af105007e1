import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * `document.body.dataset.mapReady` is 'true' only when MapLibre is idle, no data request
 * is in flight and every deck.gl layer has been initialised and drawn; 'false' while the
 * camera moves or data loads. Tests and the brief exporter wait on it instead of sleeping.
 */
interface Readiness {
  /** Wraps a load so readiness waits for it (settled, whether it worked or not). */
  track<T>(p: Promise<T>): Promise<T>;
  /** Call after changing deck layers: waits for the frame that draws them. */
  invalidate(): void;
}

export function trackReadiness(map: MapLibreMap, layersLoaded: () => boolean): Readiness {
  let pending = 0;
  let settleTimer: number | undefined;
  const set = (ready: boolean): void => {
    document.body.dataset.mapReady = String(ready);
  };
  const check = (): void => {
    if (map.isMoving() || pending > 0) return;
    if (!layersLoaded() || !map.loaded()) {
      // deck.gl finishes async layer state (font atlas) after MapLibre reports idle.
      window.clearTimeout(settleTimer);
      settleTimer = window.setTimeout(() => map.triggerRepaint(), 50);
      return;
    }
    set(true);
  };
  set(false);
  map.on('movestart', () => set(false));
  map.on('idle', check);
  return {
    track(p) {
      pending++;
      set(false);
      const done = (): void => {
        pending--;
        map.triggerRepaint();
      };
      p.then(done, done);
      return p;
    },
    invalidate() {
      set(false);
      map.triggerRepaint();
    },
  };
}
