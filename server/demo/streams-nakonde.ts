import { GREAT_LAKES_ORIGINS, HORN_ORIGINS, MONTHS, SOUTH_DESTINATIONS, WEEKDAY, type PointProfile, type Stream } from './profiles.js';

/**
 * Nakonde corridor (geography.md): Tunduma–Nakonde local trade across a border running
 * through one built-up area; Dar es Salaam corridor trucks and TAZARA/bus passengers at the
 * one-stop border post; the Horn of Africa route south, and Great Lakes movements, mostly
 * over the town-edge footpaths. Routes are written travelling into Zambia unless labelled.
 */
function footpaths(horn: number): Stream[] {
  return [
    { label: 'Small-scale cross-border traders and porters', w: 45, origin: 'tz-tunduma', dest: 'zm-nakonde',
      nat: { ZMB: 5, TZA: 5 }, mode: { foot: 6, bicycle: 3, motorbike: 1 }, reasons: { trade: 7, economic: 3 },
      group: [1, 1.3, 5], female: 0.45, child: 0.15, uac: 0.08, trafficking: 0.01 },
    { label: 'Family and community visits', w: 15, origin: 'tz-tunduma', dest: { 'zm-nakonde': 4, 'zm-isoka': 1 },
      nat: { TZA: 1, ZMB: 1 }, mode: { foot: 1 }, reasons: { family: 8, health: 1, education: 1 },
      group: [1, 2, 8], female: 0.55, child: 0.3, months: MONTHS.family },
    { label: 'Horn of Africa groups moved by smugglers', w: horn, origin: HORN_ORIGINS, prev: { 'tz-tunduma': 3, 'tz-mbeya': 2 },
      next: { 'zm-nakonde': 2, 'zm-lusaka': 3, 'zm-mpika': 1 }, dest: SOUTH_DESTINATIONS, mirror: 0.02,
      nat: 'origin', mode: { foot: 8, truck: 1.5, motorbike: 0.5 }, reasons: { economic: 6, asylum: 3 },
      group: [2, 9, 40], female: 0.08, child: 0.15, uac: 0.35, trafficking: 0.35, months: MONTHS.dry, growth: 0.3 },
    { label: 'Great Lakes migrants without documents', w: 5, origin: GREAT_LAKES_ORIGINS, prev: 'tz-tunduma', next: 'zm-nakonde',
      dest: { 'zm-lusaka': 2, ZAF: 2, ZMB: 1 }, mirror: 0.1, nat: 'origin', mode: { foot: 1 },
      reasons: { asylum: 4, economic: 4, family: 1 }, group: [1, 3, 15], female: 0.45, child: 0.35, uac: 0.15, trafficking: 0.12 },
    { label: 'Seasonal farm labour to the Mbeya highlands (outbound as written)', w: 5,
      origin: { 'zm-nakonde': 2, 'zm-isoka': 1, 'zm-chinsali': 1 }, next: 'tz-tunduma', dest: { 'tz-mbeya': 2, TZA: 2 }, mirror: 0.4,
      nat: 'ZMB', mode: { foot: 3, minibus: 1 }, reasons: { seasonal: 7, economic: 3 },
      group: [1, 2.5, 15], female: 0.4, child: 0.12, uac: 0.1, trafficking: 0.05, months: MONTHS.harvest },
  ];
}

export const NAKONDE: PointProfile[] = [
  {
    code: 'mp-tunduma-nakonde-osbp', share: 0.22, weekday: WEEKDAY.nakonde, travel: true,
    streams: [
      { label: 'Tanzanian traders and shoppers', w: 25, origin: { 'tz-tunduma': 6, 'tz-mbeya': 2, 'tz-sumbawanga': 0.5 },
        dest: { 'zm-nakonde': 6, 'zm-isoka': 1, 'zm-kasama': 1, 'zm-lusaka': 1 }, nat: 'TZA',
        mode: { foot: 4, bicycle: 2, minibus: 3, motorbike: 1, truck: 0.5 }, reasons: { trade: 8, economic: 2, family: 1 },
        group: [1, 1.5, 8], female: 0.5, child: 0.08 },
      { label: 'Zambian traders buying in Tunduma, Mbeya and Dar es Salaam', w: 22,
        origin: { 'tz-tunduma': 5, 'tz-mbeya': 2, 'tz-dar-es-salaam': 1.5 },
        dest: { 'zm-nakonde': 4, 'zm-lusaka': 2, 'zm-kasama': 1, 'zm-mpika': 1, 'zm-chinsali': 0.5 }, nat: 'ZMB',
        mode: { foot: 3, minibus: 3, bus: 2, truck: 1 }, reasons: { trade: 9, economic: 1 }, group: [1, 1.5, 6], female: 0.6, child: 0.05 },
      { label: 'Dar es Salaam corridor truck crews', w: 18, origin: 'tz-dar-es-salaam', prev: 'tz-tunduma', next: 'zm-isoka',
        dest: { 'zm-lusaka': 3, 'cd-lubumbashi': 3, 'zm-kasumbalesa': 1, 'zm-kapiri-mposhi': 1 },
        nat: { TZA: 4, ZMB: 4, KEN: 1, COD: 1, MWI: 0.5 }, mode: { truck: 1 }, reasons: { economic: 6, trade: 4 },
        group: [1, 1.3, 3], female: 0.03, child: 0, trafficking: 0.004 },
      { label: 'Bus and TAZARA passengers', w: 10, origin: { 'tz-dar-es-salaam': 3, 'tz-mbeya': 2, 'ke-nairobi': 0.5 },
        prev: 'tz-tunduma', next: { 'zm-isoka': 1, 'zm-mpika': 1 }, dest: { 'zm-lusaka': 4, 'zm-kapiri-mposhi': 1, 'zm-kasama': 1 },
        nat: { ZMB: 5, TZA: 4, MWI: 1, KEN: 0.5 }, mode: { bus: 7, train: 2 },
        reasons: { family: 3, economic: 3, education: 1, health: 1, trade: 1 }, group: [1, 1.8, 8], female: 0.48, child: 0.15,
        months: MONTHS.family },
      { label: 'Horn of Africa migrants on buses and trucks', w: 5, origin: HORN_ORIGINS, prev: 'tz-tunduma',
        next: { 'zm-lusaka': 2, 'zm-isoka': 1 }, dest: SOUTH_DESTINATIONS, mirror: 0.03, nat: 'origin',
        mode: { bus: 4, truck: 3, minibus: 1 }, reasons: { economic: 6, asylum: 3 },
        group: [1, 4, 25], female: 0.12, child: 0.12, uac: 0.2, trafficking: 0.12, months: MONTHS.dry, growth: 0.3 },
      { label: 'Great Lakes refugees and migrants', w: 4, origin: GREAT_LAKES_ORIGINS, prev: 'tz-tunduma', next: 'zm-isoka',
        dest: { 'zm-lusaka': 3, ZMB: 1, ZAF: 1.5, 'za-johannesburg': 1 }, mirror: 0.1, nat: 'origin',
        mode: { bus: 5, truck: 2, foot: 1 }, reasons: { asylum: 4, economic: 3, family: 1 },
        group: [1, 3, 15], female: 0.45, child: 0.35, uac: 0.1, trafficking: 0.05 },
      { label: 'Kenyan and Tanzanian long-distance traders', w: 3, origin: { 'ke-nairobi': 2, 'tz-dar-es-salaam': 2 }, prev: 'tz-tunduma',
        dest: { 'zm-lusaka': 3, 'cd-lubumbashi': 1 }, next: 'zm-isoka', nat: 'origin', mode: { bus: 3, truck: 1 },
        reasons: { trade: 8, economic: 2 }, group: [1, 1.3, 4], female: 0.3, child: 0.02 },
    ],
  },
  // The east footpaths sit nearer the roads south, so more smuggled groups use them.
  { code: 'mp-nakonde-east-footpaths', share: 0.07, weekday: WEEKDAY.nakonde, streams: footpaths(18) },
  { code: 'mp-nakonde-west-footpaths', share: 0.05, weekday: WEEKDAY.nakonde, streams: footpaths(12) },
];
