/**
 * Vocabularies of the data model (docs/architecture.md#data-model). The migrations' CHECK constraints hold
 * the same lists; tests/api/catalog.test.ts checks the two agree.
 */
export const MONITORING_POINT_KINDS = ['official_border_post', 'informal_crossing', 'transit_hub', 'bus_station', 'market'] as const;
export const SERVICE_KINDS = [
  'health', 'police_vsu', 'social_welfare', 'cwac', 'shelter', 'immigration', 'legal_aid', 'one_stop_centre', 'ngo_help_desk',
] as const;
export const SITE_KINDS = ['market', 'bus_station', 'border_post', 'school', 'church', 'clinic', 'community_hall', 'truck_stop'] as const;
export const PLACE_KINDS = ['capital', 'city', 'town', 'village', 'border_town', 'port'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'transit'] as const;
export const TRANSPORT_MODES = ['foot', 'bicycle', 'bus', 'minibus', 'truck', 'car', 'motorbike', 'boat', 'train', 'other'] as const;
export const REASONS = ['economic', 'family', 'trade', 'education', 'health', 'seasonal', 'asylum', 'tourism', 'other'] as const;
export const VULNERABILITIES = ['unaccompanied_child', 'pregnant_lactating', 'disability', 'elderly', 'trafficking_indicators'] as const;
export const REPORT_TYPES = ['suspected_trafficking', 'smuggling', 'exploitation', 'abuse', 'other'] as const;

export type MonitoringPointKind = (typeof MONITORING_POINT_KINDS)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Reason = (typeof REASONS)[number];
export type Vulnerability = (typeof VULNERABILITIES)[number];
export type TransportMode = (typeof TRANSPORT_MODES)[number];
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * Corridors are data (the corridors table, GET /api/v1/corridors), not a fixed list: a code is
 * a lower-case slug that never changes once created.
 */
export type CorridorCode = string;
export const CORRIDOR_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Sex and age are counted in separate columns, so a query takes one or the other. */
export const SEXES = ['female', 'male'] as const;
export const AGES = ['children', 'adults'] as const;
