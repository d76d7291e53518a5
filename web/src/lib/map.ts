/**
 * Leaflet set up the accessible way: works without a tile server (polygons
 * on a plain background), uses the configured tiles when there are any, gives
 * its controls names in the current language, and hides decorative shapes
 * from screen readers (pages offer a list as the accessible alternative).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { appState } from './app-state.svelte.ts';
import { t } from './i18n.svelte.ts';

export { L };

export function createMap(element: HTMLElement): L.Map {
  const map = L.map(element, {
    zoomControl: false,
    attributionControl: true,
    zoomSnap: 0.25,
    minZoom: 8,
    maxZoom: 18,
    // Without a tile server there is nothing to gain from wheel zoom hijacking the page scroll.
    scrollWheelZoom: Boolean(appState.config?.tileUrl),
    // On a phone one finger scrolls the page, not the map (two fingers still zoom).
    dragging: !L.Browser.mobile,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const tileUrl = appState.config?.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: appState.config?.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
  }
  // Shapes and tooltips are decorative: the page's list says the same in text.
  for (const pane of ['overlayPane', 'markerPane', 'tooltipPane', 'shadowPane', 'tilePane'] as const) {
    map.getPane(pane)?.setAttribute('aria-hidden', 'true');
  }
  return map;
}

/** Adds (or replaces) the zoom buttons with names in the current language. */
export function addZoomControl(map: L.Map, previous: L.Control.Zoom | null): L.Control.Zoom {
  previous?.remove();
  const control = L.control.zoom({ zoomInTitle: t('web.map.zoom_in'), zoomOutTitle: t('web.map.zoom_out') });
  control.addTo(map);
  return control;
}

/** Calm, distinguishable fills per district (colour is never the only cue: the list names everything). */
export const districtPalette = ['#4f7cac', '#7a9e5a', '#b07a4f', '#8b6bb1', '#4f9c98', '#a35f7a'];
