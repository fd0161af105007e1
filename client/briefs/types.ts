/**
 * The captured map (printMap.ts): a JPEG data URL of the finished frame, with where it is
 * centred and at what zoom (for the scale bar).
 */
export interface MapPicture {
  url: string;
  lat: number;
  zoom: number;
  widthPx: number;
  heightPx: number;
}
