import { HORN_ORIGINS, MONTHS, SOUTH_DESTINATIONS, WEEKDAY, type PointProfile } from './profiles.js';

const DOMESTIC = { reasons: { family: 4, economic: 3, education: 1, health: 1, trade: 2 }, group: [1, 1.6, 8] as const };

/**
 * Lusaka, the inland hub (geography.md): buses from the Nakonde and Sesheke corridors arrive
 * at the Intercity terminus and leave for Chirundu, Livingstone and Johannesburg; traders
 * bring goods from Tunduma, Johannesburg and Lubumbashi to the city market. At a hub, a
 * route ending in Lusaka is inbound, one starting there outbound, any other transit.
 */
export const LUSAKA: PointProfile[] = [
  {
    code: 'mp-lusaka-intercity', share: 0.14, weekday: WEEKDAY.lusakaBus, travel: true,
    streams: [
      { label: 'Northern and Copperbelt routes', w: 30,
        origin: { 'zm-kasama': 2, 'zm-mpika': 1, 'zm-isoka': 0.5, 'zm-nakonde': 1.5, 'zm-chinsali': 0.5, 'zm-kapiri-mposhi': 1, 'zm-ndola': 3, 'zm-kitwe': 3, 'zm-serenje': 0.5 },
        dest: 'zm-lusaka', nat: 'ZMB', mode: { bus: 8, minibus: 2 }, ...DOMESTIC, female: 0.5, child: 0.18, months: MONTHS.family },
      { label: 'Southern, Western and Eastern routes', w: 22,
        origin: { 'zm-livingstone': 4, 'zm-sesheke': 2, 'zm-mongu': 2, 'zm-senanga': 0.5, 'zm-kazungula': 0.5, 'zm-chirundu': 1, 'zm-chipata': 2 },
        dest: 'zm-lusaka', nat: 'ZMB', mode: { bus: 8, minibus: 2 }, ...DOMESTIC, female: 0.5, child: 0.18, months: MONTHS.family },
      { label: 'Cross-border traders to Johannesburg and Harare (outbound as written)', w: 12, origin: 'zm-lusaka',
        next: { 'zm-chirundu': 3, 'zm-livingstone': 1 }, dest: { 'za-johannesburg': 5, 'zw-harare': 2 },
        nat: { ZMB: 8, ZWE: 2 }, mode: { bus: 1 }, reasons: { trade: 7, economic: 2, family: 1 }, group: [1, 1.4, 5], female: 0.6, child: 0.05 },
      { label: 'Cross-border traders to Dar es Salaam and Lubumbashi (outbound as written)', w: 5, origin: 'zm-lusaka',
        next: 'zm-kapiri-mposhi', dest: { 'tz-dar-es-salaam': 1, 'cd-lubumbashi': 2 },
        nat: { ZMB: 6, COD: 2, TZA: 1 }, mode: { bus: 1 }, reasons: { trade: 7, economic: 2, family: 1 }, group: [1, 1.4, 5], female: 0.55, child: 0.05 },
      { label: 'Travellers to Malawi (outbound as written)', w: 3, origin: 'zm-lusaka', next: 'zm-chipata', dest: 'mw-lilongwe',
        nat: { ZMB: 1, MWI: 1 }, mode: { bus: 1 }, reasons: { trade: 4, family: 4, economic: 2 }, group: [1, 1.5, 6], female: 0.5, child: 0.12 },
      { label: 'Horn of Africa migrants in transit', w: 8, origin: HORN_ORIGINS,
        prev: { 'zm-nakonde': 3, 'zm-kapiri-mposhi': 1, 'zm-mpika': 0.5 }, next: { 'zm-chirundu': 3, 'zm-livingstone': 2, 'zm-kazungula': 0.7 },
        dest: SOUTH_DESTINATIONS, mirror: 0.03, nat: 'origin', mode: { bus: 5, truck: 3, minibus: 1 }, reasons: { economic: 6, asylum: 3 },
        group: [1, 5, 30], female: 0.12, child: 0.12, uac: 0.25, trafficking: 0.2, months: MONTHS.dry, growth: 0.3 },
      { label: 'Congolese travellers', w: 4, origin: { 'cd-lubumbashi': 3, COD: 1 }, prev: 'zm-kapiri-mposhi',
        dest: { 'zm-lusaka': 4, 'za-johannesburg': 1 }, mirror: 0.3, nat: 'origin', mode: { bus: 1 },
        reasons: { trade: 3, economic: 3, asylum: 1, family: 1 }, group: [1, 1.8, 10], female: 0.45, child: 0.2, uac: 0.05, trafficking: 0.03 },
      { label: 'Burundian and Rwandan migrants', w: 2, origin: { 'bi-bujumbura': 2, BDI: 1, 'rw-kigali': 1 }, prev: 'zm-nakonde',
        dest: { 'zm-lusaka': 3, ZAF: 1 }, mirror: 0.2, nat: 'origin', mode: { bus: 1 },
        reasons: { asylum: 3, economic: 3, family: 1 }, group: [1, 2.5, 12], female: 0.45, child: 0.3, uac: 0.1, trafficking: 0.06 },
      { label: 'Namibia and Sesheke corridor travellers', w: 5, origin: { 'na-windhoek': 2, 'na-katima-mulilo': 2 },
        prev: { 'zm-livingstone': 1, 'zm-sesheke': 1 }, dest: 'zm-lusaka', nat: { ZMB: 5, NAM: 3 }, mode: { bus: 1 },
        reasons: { family: 3, trade: 3, economic: 2, tourism: 0.5 }, group: [1, 1.6, 6], female: 0.5, child: 0.12 },
      { label: 'Regional travellers from Malawi and Zimbabwe', w: 5, origin: { 'mw-lilongwe': 2, 'zw-harare': 2, MWI: 1 },
        dest: { 'zm-lusaka': 3, 'za-johannesburg': 1 }, nat: 'origin', mode: { bus: 1 },
        reasons: { economic: 3, trade: 3, family: 2 }, group: [1, 1.5, 6], female: 0.45, child: 0.1, trafficking: 0.01 },
    ],
  },
  {
    code: 'mp-lusaka-city-market', share: 0.08, weekday: WEEKDAY.lusakaMarket, payday: true,
    streams: [
      { label: 'Traders bringing goods from Nakonde and Tanzania', w: 30,
        origin: { 'zm-nakonde': 4, 'tz-tunduma': 2, 'tz-dar-es-salaam': 1, 'tz-mbeya': 1 }, dest: 'zm-lusaka',
        nat: { ZMB: 7, TZA: 3 }, mode: { bus: 5, truck: 2, minibus: 2 }, reasons: { trade: 9, economic: 1 },
        group: [1, 1.4, 5], female: 0.6, child: 0.06 },
      { label: 'Traders from Johannesburg and Harare', w: 12, origin: { 'za-johannesburg': 2, 'zw-harare': 2 }, prev: 'zm-chirundu',
        dest: 'zm-lusaka', nat: { ZMB: 6, ZWE: 3, ZAF: 0.5 }, mode: { bus: 6, truck: 1 }, reasons: { trade: 9, economic: 1 },
        group: [1, 1.3, 4], female: 0.65, child: 0.03 },
      { label: 'Farmers and produce traders', w: 35,
        origin: { 'zm-kapiri-mposhi': 2, 'zm-chirundu': 1, 'zm-serenje': 1, 'zm-mongu': 1, 'zm-chipata': 2, ZMB: 2 },
        dest: 'zm-lusaka', nat: 'ZMB', mode: { minibus: 4, truck: 3, bus: 2 }, reasons: { trade: 6, seasonal: 2, economic: 2 },
        group: [1, 1.5, 6], female: 0.55, child: 0.08, months: MONTHS.harvest },
      { label: 'Horn of Africa shopkeepers and workers', w: 6,
        origin: { 'et-addis-ababa': 1, 'et-hosaena': 2, ETH: 2, 'so-mogadishu': 1, SOM: 1 }, prev: 'zm-nakonde', dest: 'zm-lusaka',
        mirror: 0.1, nat: 'origin', mode: { bus: 3, minibus: 1 }, reasons: { economic: 6, trade: 3, asylum: 1 },
        group: [1, 1.5, 6], female: 0.2, child: 0.08, uac: 0.1, trafficking: 0.08, growth: 0.2 },
      { label: 'Congolese traders', w: 6, origin: { 'cd-lubumbashi': 3, 'zm-kasumbalesa': 1 }, prev: 'zm-kapiri-mposhi',
        dest: 'zm-lusaka', nat: { COD: 3, ZMB: 2 }, mode: { bus: 3, truck: 2 }, reasons: { trade: 9, economic: 1 },
        group: [1, 1.4, 5], female: 0.5, child: 0.05 },
      { label: 'Western Province and Namibia traders', w: 5, origin: { 'zm-sesheke': 2, 'na-katima-mulilo': 1, 'zm-mongu': 2 },
        dest: 'zm-lusaka', nat: { ZMB: 4, NAM: 1 }, mode: { bus: 3, truck: 1 }, reasons: { trade: 8, family: 1 },
        group: [1, 1.4, 5], female: 0.55, child: 0.05 },
    ],
  },
];
