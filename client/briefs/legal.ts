/** The fixed wording every brief carries (issue 8 §2). */
export const DISCLAIMER =
  'The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the Corridor platform or its partners. Borders and place positions are approximate.';

export function protectionNote(k: number, sensitiveK: number): string {
  return `Data protection: counts of 1 to ${k - 1} people (1 to ${sensitiveK - 1} for trafficking indicators) are suppressed and shown as "<${k}"; counts that would reveal them are suppressed too. Locations are generalised to places and crossing points.`;
}

export const DEMO_MARKER = 'Synthetic demo data — not real movements';
