import type { Rgb } from '../layers/colors.js';

/**
 * Planner colours (exact RGB: the browser test counts these pixels). Teal for the plan,
 * amber for what the user locked, red for excluded, magenta for demand left uncovered —
 * apart from the monitoring-point blue/orange/purple and the flow crimson.
 */
export const PLAN_COLORS = {
  site: [0, 109, 119],
  reach: [0, 150, 160],
  locked: [201, 121, 0],
  excluded: [178, 34, 34],
  candidate: [96, 104, 118],
  uncovered: [206, 38, 140],
  onlyA: [61, 72, 189],
  onlyB: [201, 121, 0],
} as const satisfies Record<string, Rgb>;
