/**
 * The captured map (printMap.ts): a 2D canvas copy of the finished frame (prints in the PDF,
 * unlike WebGL; no PNG encode and decode), with where it is centred and at what zoom (for the scale bar).
 */
export interface MapPicture {
  canvas: HTMLCanvasElement;
  lat: number;
  zoom: number;
  widthPx: number;
  heightPx: number;
}
